using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Checks of the option groups every TorchSharp image trainer shares (<see cref="NetworkOptions"/>,
/// <see cref="OptimizationOptions"/>, <see cref="AugmentationOptions"/>, the batch mix and loss averaging of
/// <see cref="StudentOptions"/>), done once when a trainer is created: an error is an
/// <see cref="ArgumentOutOfRangeException"/> naming the option with its group (e.g. <c>Optimization.LearningRate</c>),
/// the trainer, what was expected and the value.
/// </summary>
internal sealed class TrainerOptionChecks
{
    public const string Network = "Network";
    public const string Optimization = "Optimization";
    public const string Augmentation = "Augmentation";
    public const string Student = "Student";

    private readonly string _trainer;

    /// <param name="trainer">The trainer's type name, for messages.</param>
    public TrainerOptionChecks(string trainer)
    {
        _trainer = trainer;
    }

    /// <summary>Checks the four groups of a self-training student: present, then each of their values.</summary>
    /// <param name="network">The network group.</param>
    /// <param name="optimization">The optimization group.</param>
    /// <param name="augmentation">The augmentation group.</param>
    /// <param name="student">The student group (its batch ratio and loss-average decay; task-specific student options are the trainer's to check).</param>
    /// <param name="hasInitialModel">Whether the trainer starts from a whole model (then no initial backbone may be set).</param>
    public void CheckGroups(NetworkOptions? network, OptimizationOptions? optimization, AugmentationOptions? augmentation,
        StudentOptions? student, bool hasInitialModel)
    {
        CheckGroups(network, optimization, augmentation, hasInitialModel);
        RequireGroup(student, Student);
        Require(student!.PseudoLabelRatio > 0 && double.IsFinite(student.PseudoLabelRatio), Path(Student, nameof(student.PseudoLabelRatio)), "finite and positive", student.PseudoLabelRatio);
        Require(student.LossAverageDecay is >= 0 and < 1, Path(Student, nameof(student.LossAverageDecay)), "in the range [0, 1)", student.LossAverageDecay);
    }

    /// <summary>Checks the groups every trainer has (network, optimization, augmentation): present, then each of their values.</summary>
    /// <param name="network">The network group.</param>
    /// <param name="optimization">The optimization group.</param>
    /// <param name="augmentation">The augmentation group.</param>
    /// <param name="hasInitialModel">Whether the trainer starts from a whole model (then no initial backbone may be set).</param>
    public void CheckGroups(NetworkOptions? network, OptimizationOptions? optimization, AugmentationOptions? augmentation, bool hasInitialModel)
    {
        RequireGroup(network, Network);
        RequireGroup(optimization, Optimization);
        RequireGroup(augmentation, Augmentation);
        CheckNetwork(network!, hasInitialModel);
        CheckOptimization(optimization!);
        CheckAugmentation(augmentation!);
    }

    /// <summary>Checks that the student's online re-labeling options, which only the classifier implements, are unset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">One of them is set.</exception>
    public void RequireNoOnlineRelabeling(StudentOptions student)
    {
        Require(student.OnlineRelabelThreshold is null, Path(Student, nameof(student.OnlineRelabelThreshold)),
            "null (online re-labeling is the classifier's)", student.OnlineRelabelThreshold);
        Require(!student.MaskUnconfidentPseudoRows, Path(Student, nameof(student.MaskUnconfidentPseudoRows)),
            "false (online re-labeling is the classifier's)", student.MaskUnconfidentPseudoRows);
        Require(!student.RelabelWithWeightAverage, Path(Student, nameof(student.RelabelWithWeightAverage)),
            "false (online re-labeling is the classifier's)", student.RelabelWithWeightAverage);
    }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="name"/> is null or blank.</exception>
    public void RequireName(string? name, string option) =>
        Require(!string.IsNullOrWhiteSpace(name), option, "a column name", name is null ? "null" : $"'{name}'");

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="condition"/> is false.</exception>
    public void Require(bool condition, string option, string expected, object? got)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(option,
                $"The '{option}' option of {_trainer} must be {expected}. Got {got ?? "null"} instead.");
        }
    }

    /// <summary>The option's name with its group, e.g. <c>Optimization.LearningRate</c>.</summary>
    public static string Path(string group, string option) => $"{group}.{option}";

    private void CheckNetwork(NetworkOptions network, bool hasInitialModel)
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

    private void CheckOptimization(OptimizationOptions optimization)
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

    private void CheckAugmentation(AugmentationOptions augmentation)
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

    private void RequireGroup(object? group, string name) => Require(group is not null, name, "not null", "null");
}
