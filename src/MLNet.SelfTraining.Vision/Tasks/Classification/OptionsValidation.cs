using MLNet.SelfTraining.Vision.Engine;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// Checks <see cref="TorchImageClassifierTrainer.Options"/> once, when the trainer is created; an error names the
/// offending option with its group (e.g. <c>Optimization.LearningRate</c>) and the value.
/// </summary>
internal static class OptionsValidation
{
    private static readonly TrainerOptionChecks s_checks = new(nameof(TorchImageClassifierTrainer));

    public static void Check(TorchImageClassifierTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        s_checks.RequireName(options.FeatureColumnName, nameof(options.FeatureColumnName));
        s_checks.RequireName(options.LabelColumnName, nameof(options.LabelColumnName));
        s_checks.RequireName(options.PseudoLabelFlagColumnName, nameof(options.PseudoLabelFlagColumnName));
        s_checks.CheckGroups(options.Network, options.Optimization, options.Augmentation, options.Student, options.InitialModel is not null);
        CheckRelabeling(options.Student, options.Optimization);
    }

    private static void CheckRelabeling(StudentOptions student, OptimizationOptions optimization)
    {
        var path = (string option) => TrainerOptionChecks.Path(TrainerOptionChecks.Student, option);
        s_checks.Require(student.OnlineRelabelThreshold is null or > 0 and <= 1, path(nameof(student.OnlineRelabelThreshold)), "null or in the range (0, 1]", student.OnlineRelabelThreshold);
        s_checks.Require(!student.MaskUnconfidentPseudoRows || student.OnlineRelabelThreshold is not null, path(nameof(student.MaskUnconfidentPseudoRows)),
            "false unless Student.OnlineRelabelThreshold is set", student.MaskUnconfidentPseudoRows);
        s_checks.Require(!student.RelabelWithWeightAverage || (student.OnlineRelabelThreshold is not null && optimization.WeightAverageDecay is not null),
            path(nameof(student.RelabelWithWeightAverage)), "false unless Student.OnlineRelabelThreshold and Optimization.WeightAverageDecay are set",
            student.RelabelWithWeightAverage);
    }
}
