using MLNet.SelfTraining.Vision.Engine;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// Checks <see cref="TorchImageSegmenterTrainer.Options"/> once, when the trainer is created; an error names the
/// offending option with its group (e.g. <c>Optimization.LearningRate</c>) and the value.
/// </summary>
internal static class SegmenterOptionsValidation
{
    private static readonly TrainerOptionChecks s_checks = new(nameof(TorchImageSegmenterTrainer));

    public static void Check(TorchImageSegmenterTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        s_checks.RequireName(options.FeatureColumnName, nameof(options.FeatureColumnName));
        s_checks.RequireName(options.MaskColumnName, nameof(options.MaskColumnName));
        s_checks.RequireName(options.PseudoLabelFlagColumnName, nameof(options.PseudoLabelFlagColumnName));
        s_checks.Require(options.ExampleWeightColumnName is null || !string.IsNullOrWhiteSpace(options.ExampleWeightColumnName),
            nameof(options.ExampleWeightColumnName), "null or a column name", $"'{options.ExampleWeightColumnName}'");
        s_checks.Require(options.NumberOfClasses is null or >= 2 and <= SegmentationMasks.MaximumClassCount, nameof(options.NumberOfClasses),
            $"null or in the range [2, {SegmentationMasks.MaximumClassCount}]", options.NumberOfClasses);
        s_checks.CheckGroups(options.Network, options.Optimization, options.Augmentation, options.Student, hasInitialModel: false);
        s_checks.RequireNoOnlineRelabeling(options.Student);
    }
}
