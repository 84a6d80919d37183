using MLNet.SelfTraining.Vision.Engine;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// Checks <see cref="TorchObjectDetectorTrainer.Options"/> once, when the trainer is created; an error names the
/// offending option with its group (e.g. <c>Optimization.LearningRate</c>) and the value.
/// </summary>
internal static class DetectorOptionsValidation
{
    private static readonly TrainerOptionChecks s_checks = new(nameof(TorchObjectDetectorTrainer));

    public static void Check(TorchObjectDetectorTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        s_checks.RequireName(options.FeatureColumnName, nameof(options.FeatureColumnName));
        s_checks.RequireName(options.LabelColumnName, nameof(options.LabelColumnName));
        s_checks.RequireName(options.BoxColumnName, nameof(options.BoxColumnName));
        s_checks.RequireName(options.PseudoLabelFlagColumnName, nameof(options.PseudoLabelFlagColumnName));
        s_checks.Require(options.ExampleWeightColumnName is null || !string.IsNullOrWhiteSpace(options.ExampleWeightColumnName),
            nameof(options.ExampleWeightColumnName), "null or a column name", $"'{options.ExampleWeightColumnName}'");
        s_checks.RequireName(options.PredictedLabelColumnName, nameof(options.PredictedLabelColumnName));
        s_checks.RequireName(options.ScoreColumnName, nameof(options.ScoreColumnName));
        s_checks.RequireName(options.PredictedBoundingBoxesColumnName, nameof(options.PredictedBoundingBoxesColumnName));
        string[] outputs = [options.PredictedLabelColumnName, options.ScoreColumnName, options.PredictedBoundingBoxesColumnName];
        s_checks.Require(outputs.Distinct(StringComparer.Ordinal).Count() == 3, nameof(options.PredictedBoundingBoxesColumnName),
            "distinct from the other output columns' names", $"'{string.Join("', '", outputs)}'");
        s_checks.Require(options.ScoreThreshold is >= 0 and <= 1, nameof(options.ScoreThreshold), "in the range [0, 1]", options.ScoreThreshold);
        s_checks.Require(options.NmsIouThreshold is >= 0 and <= 1, nameof(options.NmsIouThreshold), "in the range [0, 1]", options.NmsIouThreshold);
        s_checks.Require(options.MaximumDetections is >= 1 and <= DetectorManifestChecks.MaximumDetections, nameof(options.MaximumDetections),
            $"in the range [1, {DetectorManifestChecks.MaximumDetections}]", options.MaximumDetections);
        s_checks.CheckGroups(options.Network, options.Optimization, options.Augmentation, options.Student, hasInitialModel: false);
        s_checks.RequireNoOnlineRelabeling(options.Student);
    }
}
