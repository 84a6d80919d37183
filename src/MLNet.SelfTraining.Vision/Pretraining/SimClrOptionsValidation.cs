using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>
/// Checks <see cref="TorchSimClrEstimator.Options"/> once, when the estimator is created; an error names the offending
/// option (with its group, e.g. <c>Optimization.BatchSize</c>), what was expected and the value.
/// </summary>
internal static class SimClrOptionsValidation
{
    private static readonly TrainerOptionChecks s_checks = new(nameof(TorchSimClrEstimator));

    public static void Check(TorchSimClrEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        s_checks.RequireName(options.FeatureColumnName, nameof(options.FeatureColumnName));
        s_checks.RequireName(options.OutputColumnName, nameof(options.OutputColumnName));
        s_checks.CheckGroups(options.Network, options.Optimization, options.Augmentation, hasInitialModel: false);
        s_checks.Require(options.Augmentation.Policy != AugmentationPolicy.None,
            TrainerOptionChecks.Path(TrainerOptionChecks.Augmentation, nameof(AugmentationOptions.Policy)),
            "S1 to S4 (the two views of an image differ only through augmentation)", options.Augmentation.Policy);
        s_checks.Require(options.ProjectionDimension >= 1, nameof(options.ProjectionDimension), "at least 1", options.ProjectionDimension);
        s_checks.Require(options.ProjectionHiddenDimension is null or >= 1, nameof(options.ProjectionHiddenDimension),
            "null or at least 1", options.ProjectionHiddenDimension);
        s_checks.Require(options.Temperature > 0 && double.IsFinite(options.Temperature), nameof(options.Temperature),
            "finite and positive", options.Temperature);
    }
}
