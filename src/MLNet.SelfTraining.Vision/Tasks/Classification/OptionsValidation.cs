using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// Checks <see cref="TorchImageClassifierTrainer.Options"/> once, when the trainer is created; an error names the
/// offending option with its group (e.g. <c>Optimization.LearningRate</c>) and the value.
/// </summary>
internal static class OptionsValidation
{
    private const string Network = nameof(TorchImageClassifierTrainer.Options.Network);
    private const string Optimization = nameof(TorchImageClassifierTrainer.Options.Optimization);
    private const string Augmentation = nameof(TorchImageClassifierTrainer.Options.Augmentation);
    private const string Student = nameof(TorchImageClassifierTrainer.Options.Student);

    public static void Check(TorchImageClassifierTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireName(options.FeatureColumnName, nameof(options.FeatureColumnName));
        RequireName(options.LabelColumnName, nameof(options.LabelColumnName));
        RequireName(options.PseudoLabelFlagColumnName, nameof(options.PseudoLabelFlagColumnName));
        RequireGroup(options.Network, Network);
        RequireGroup(options.Optimization, Optimization);
        RequireGroup(options.Augmentation, Augmentation);
        RequireGroup(options.Student, Student);
        CheckNetwork(options.Network, options.InitialModel is not null);
        CheckOptimization(options.Optimization);
        CheckAugmentation(options.Augmentation);
        CheckStudent(options.Student, options.Optimization);
    }

    private static void CheckNetwork(NetworkOptions network, bool hasInitialModel)
    {
        Require(network.ImageChannels >= 1, Path(Network, nameof(network.ImageChannels)), "at least 1", network.ImageChannels);
        Require(network.ImageHeight >= 4, Path(Network, nameof(network.ImageHeight)), "at least 4", network.ImageHeight);
        Require(network.ImageWidth >= 4, Path(Network, nameof(network.ImageWidth)), "at least 4", network.ImageWidth);
        Require(float.IsFinite(network.InputScale) && network.InputScale > 0, Path(Network, nameof(network.InputScale)), "finite and positive", network.InputScale);
        Require(network.BaseWidth is null or >= 1, Path(Network, nameof(network.BaseWidth)), "at least 1", network.BaseWidth);
        Require(network.BlocksPerStage is { Length: >= 1 } blocks && blocks.All(b => b >= 1), Path(Network, nameof(network.BlocksPerStage)),
            "a non-empty list of positive counts", network.BlocksPerStage is null ? "null" : string.Join(",", network.BlocksPerStage));
        Require(network.DropoutRate is >= 0 and < 1, Path(Network, nameof(network.DropoutRate)), "in the range [0, 1)", network.DropoutRate);
        Require(network.StochasticDepthRate is >= 0 and < 1, Path(Network, nameof(network.StochasticDepthRate)), "in the range [0, 1)", network.StochasticDepthRate);
        var backbone = Path(Network, nameof(network.InitialBackbonePath));
        Require(network.InitialBackbonePath is null || !string.IsNullOrWhiteSpace(network.InitialBackbonePath), backbone,
            "null or a file path", $"'{network.InitialBackbonePath}'");
        Require(network.InitialBackbonePath is null || !hasInitialModel, backbone,
            "null when InitialModel is set (the initial model gives the backbone too)", $"'{network.InitialBackbonePath}'");
    }

    private static void CheckOptimization(OptimizationOptions optimization)
    {
        Require(optimization.LearningRate > 0 && double.IsFinite(optimization.LearningRate), Path(Optimization, nameof(optimization.LearningRate)), "finite and positive", optimization.LearningRate);
        Require(optimization.Momentum is >= 0 and < 1, Path(Optimization, nameof(optimization.Momentum)), "in the range [0, 1)", optimization.Momentum);
        Require(optimization.WeightDecay >= 0 && double.IsFinite(optimization.WeightDecay), Path(Optimization, nameof(optimization.WeightDecay)), "finite and non-negative", optimization.WeightDecay);
        Require(optimization.WarmupFraction is >= 0 and < 1, Path(Optimization, nameof(optimization.WarmupFraction)), "in the range [0, 1)", optimization.WarmupFraction);
        Require(optimization.NumberOfEpochs >= 1, Path(Optimization, nameof(optimization.NumberOfEpochs)), "at least 1", optimization.NumberOfEpochs);
        Require(optimization.NumberOfSteps is null or >= 1, Path(Optimization, nameof(optimization.NumberOfSteps)), "at least 1", optimization.NumberOfSteps);
        Require(optimization.BatchSize >= 2, Path(Optimization, nameof(optimization.BatchSize)), "at least 2", optimization.BatchSize);
        Require(optimization.WeightAverageDecay is null or >= 0 and < 1, Path(Optimization, nameof(optimization.WeightAverageDecay)), "null or in the range [0, 1)", optimization.WeightAverageDecay);
        Require(optimization.NumberOfThreads >= 1, Path(Optimization, nameof(optimization.NumberOfThreads)), "at least 1", optimization.NumberOfThreads);
        Require(optimization.InferenceBatchSize >= 1, Path(Optimization, nameof(optimization.InferenceBatchSize)), "at least 1", optimization.InferenceBatchSize);
    }

    private static void CheckAugmentation(AugmentationOptions augmentation)
    {
        var (minimum, maximum) = augmentation.ResolvedScaleJitter();
        Require(minimum > 0 && double.IsFinite(minimum), Path(Augmentation, nameof(augmentation.ScaleJitterMinimum)), "finite and positive", minimum);
        Require(maximum >= minimum && double.IsFinite(maximum), Path(Augmentation, nameof(augmentation.ScaleJitterMaximum)), $"finite and at least ScaleJitterMinimum ({minimum})", maximum);
        Require(augmentation.RandAugmentOperations >= 1, Path(Augmentation, nameof(augmentation.RandAugmentOperations)), "at least 1", augmentation.RandAugmentOperations);
        Require(augmentation.RandAugmentMagnitude is >= 0 and <= 10, Path(Augmentation, nameof(augmentation.RandAugmentMagnitude)), "in the range [0, 10]", augmentation.RandAugmentMagnitude);
        Require(augmentation.MaximumRotationDegrees is >= 0 and <= 180, Path(Augmentation, nameof(augmentation.MaximumRotationDegrees)), "in the range [0, 180]", augmentation.MaximumRotationDegrees);
        Require(augmentation.ElasticAlpha >= 0 && double.IsFinite(augmentation.ElasticAlpha), Path(Augmentation, nameof(augmentation.ElasticAlpha)), "finite and non-negative", augmentation.ElasticAlpha);
        Require(augmentation.ElasticSigma > 0 && double.IsFinite(augmentation.ElasticSigma), Path(Augmentation, nameof(augmentation.ElasticSigma)), "finite and positive", augmentation.ElasticSigma);
    }

    private static void CheckStudent(StudentOptions student, OptimizationOptions optimization)
    {
        Require(student.PseudoLabelRatio > 0 && double.IsFinite(student.PseudoLabelRatio), Path(Student, nameof(student.PseudoLabelRatio)), "finite and positive", student.PseudoLabelRatio);
        Require(student.LossAverageDecay is >= 0 and < 1, Path(Student, nameof(student.LossAverageDecay)), "in the range [0, 1)", student.LossAverageDecay);
        Require(student.OnlineRelabelThreshold is null or > 0 and <= 1, Path(Student, nameof(student.OnlineRelabelThreshold)), "null or in the range (0, 1]", student.OnlineRelabelThreshold);
        Require(!student.MaskUnconfidentPseudoRows || student.OnlineRelabelThreshold is not null, Path(Student, nameof(student.MaskUnconfidentPseudoRows)),
            "false unless Student.OnlineRelabelThreshold is set", student.MaskUnconfidentPseudoRows);
        Require(!student.RelabelWithWeightAverage || (student.OnlineRelabelThreshold is not null && optimization.WeightAverageDecay is not null),
            Path(Student, nameof(student.RelabelWithWeightAverage)), "false unless Student.OnlineRelabelThreshold and Optimization.WeightAverageDecay are set",
            student.RelabelWithWeightAverage);
    }

    private static string Path(string group, string option) => $"{group}.{option}";

    private static void RequireGroup(object? group, string name) => Require(group is not null, name, "not null", "null");

    private static void RequireName(string? name, string option) =>
        Require(!string.IsNullOrWhiteSpace(name), option, "a column name", name is null ? "null" : $"'{name}'");

    private static void Require(bool condition, string option, string expected, object? got)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(option,
                $"The '{option}' option of {nameof(TorchImageClassifierTrainer)} must be {expected}. Got {got ?? "null"} instead.");
        }
    }
}
