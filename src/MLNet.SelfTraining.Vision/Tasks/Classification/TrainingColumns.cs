using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>The training columns found in a schema (flag and soft-target columns only when present).</summary>
internal sealed record TrainingColumns(
    DataViewSchema.Column Features,
    DataViewSchema.Column Label,
    DataViewSchema.Column? Weight,
    DataViewSchema.Column? PseudoFlag,
    DataViewSchema.Column? SoftTarget);
