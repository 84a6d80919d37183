using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>The training columns found in a schema (the weight and flag columns only when present).</summary>
internal sealed record DetectionColumns(
    DataViewSchema.Column Features,
    DataViewSchema.Column Labels,
    DataViewSchema.Column Box,
    DataViewSchema.Column? Weight,
    DataViewSchema.Column? PseudoFlag);
