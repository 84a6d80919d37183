using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>The training columns found in a schema (the weight and flag columns only when present).</summary>
internal sealed record SegmentationColumns(
    DataViewSchema.Column Features,
    DataViewSchema.Column Mask,
    DataViewSchema.Column? Weight,
    DataViewSchema.Column? PseudoFlag);
