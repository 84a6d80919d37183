using MLNet.SelfTraining.Vision.Augmentation;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>Checks <see cref="TorchImageClassifierTrainer.Options"/> once, when the trainer is created.</summary>
internal static class OptionsValidation
{
    public static void Check(TorchImageClassifierTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireName(options.FeatureColumnName, nameof(options.FeatureColumnName));
        RequireName(options.LabelColumnName, nameof(options.LabelColumnName));
        RequireName(options.PseudoLabelFlagColumnName, nameof(options.PseudoLabelFlagColumnName));
        Require(options.ImageChannels >= 1, nameof(options.ImageChannels), "at least 1", options.ImageChannels);
        Require(options.ImageHeight >= 4, nameof(options.ImageHeight), "at least 4", options.ImageHeight);
        Require(options.ImageWidth >= 4, nameof(options.ImageWidth), "at least 4", options.ImageWidth);
        Require(float.IsFinite(options.InputScale) && options.InputScale > 0, nameof(options.InputScale), "finite and positive", options.InputScale);
        Require(options.BaseWidth is null or >= 1, nameof(options.BaseWidth), "at least 1", options.BaseWidth);
        Require(options.BlocksPerStage is { Length: >= 1 } blocks && blocks.All(b => b >= 1), nameof(options.BlocksPerStage),
            "a non-empty list of positive counts", options.BlocksPerStage is null ? "null" : string.Join(",", options.BlocksPerStage));
        Require(options.OnlineRelabelThreshold is null or > 0 and <= 1, nameof(options.OnlineRelabelThreshold), "null or in the range (0, 1]", options.OnlineRelabelThreshold);
        Require(!options.MaskUnconfidentPseudoRows || options.OnlineRelabelThreshold is not null, nameof(options.MaskUnconfidentPseudoRows),
            "false unless OnlineRelabelThreshold is set", options.MaskUnconfidentPseudoRows);
        Require(!options.RelabelWithWeightAverage || (options.OnlineRelabelThreshold is not null && options.WeightAverageDecay is not null),
            nameof(options.RelabelWithWeightAverage), "false unless OnlineRelabelThreshold and WeightAverageDecay are set", options.RelabelWithWeightAverage);
        Require(options.InitialBackbonePath is null || !string.IsNullOrWhiteSpace(options.InitialBackbonePath), nameof(options.InitialBackbonePath),
            "null or a file path", $"'{options.InitialBackbonePath}'");
        Require(options.InitialBackbonePath is null || options.InitialModel is null, nameof(options.InitialBackbonePath),
            "null when InitialModel is set (the initial model gives the backbone too)", $"'{options.InitialBackbonePath}'");
        Require(options.DropoutRate is >= 0 and < 1, nameof(options.DropoutRate), "in the range [0, 1)", options.DropoutRate);
        Require(options.StochasticDepthRate is >= 0 and < 1, nameof(options.StochasticDepthRate), "in the range [0, 1)", options.StochasticDepthRate);
        Require(options.LearningRate > 0 && double.IsFinite(options.LearningRate), nameof(options.LearningRate), "finite and positive", options.LearningRate);
        Require(options.Momentum is >= 0 and < 1, nameof(options.Momentum), "in the range [0, 1)", options.Momentum);
        Require(options.WeightDecay >= 0 && double.IsFinite(options.WeightDecay), nameof(options.WeightDecay), "finite and non-negative", options.WeightDecay);
        Require(options.WeightAverageDecay is null or >= 0 and < 1, nameof(options.WeightAverageDecay), "null or in the range [0, 1)", options.WeightAverageDecay);
        Require(options.WarmupFraction is >= 0 and < 1, nameof(options.WarmupFraction), "in the range [0, 1)", options.WarmupFraction);
        Require(options.NumberOfEpochs >= 1, nameof(options.NumberOfEpochs), "at least 1", options.NumberOfEpochs);
        Require(options.NumberOfSteps is null or >= 1, nameof(options.NumberOfSteps), "at least 1", options.NumberOfSteps);
        Require(options.BatchSize >= 2, nameof(options.BatchSize), "at least 2", options.BatchSize);
        Require(options.PseudoLabelRatio > 0 && double.IsFinite(options.PseudoLabelRatio), nameof(options.PseudoLabelRatio), "finite and positive", options.PseudoLabelRatio);
        Require(options.PseudoLossWeight >= 0 && double.IsFinite(options.PseudoLossWeight), nameof(options.PseudoLossWeight), "finite and non-negative", options.PseudoLossWeight);
        Require(options.LossAverageDecay is >= 0 and < 1, nameof(options.LossAverageDecay), "in the range [0, 1)", options.LossAverageDecay);
        Require(options.NumberOfThreads >= 1, nameof(options.NumberOfThreads), "at least 1", options.NumberOfThreads);
        Require(options.InferenceBatchSize >= 1, nameof(options.InferenceBatchSize), "at least 1", options.InferenceBatchSize);
        CheckAugmentation(options.Augmentation);
    }

    private static void CheckAugmentation(AugmentationOptions? augmentation)
    {
        Require(augmentation is not null, nameof(TorchImageClassifierTrainer.Options.Augmentation), "not null", "null");
        var minimum = augmentation!.ScaleJitterMinimum ?? 0.5;
        var maximum = augmentation.ScaleJitterMaximum ?? 2.0;
        Require(minimum > 0 && double.IsFinite(minimum), nameof(augmentation.ScaleJitterMinimum), "finite and positive", minimum);
        Require(maximum >= minimum && double.IsFinite(maximum), nameof(augmentation.ScaleJitterMaximum), $"finite and at least ScaleJitterMinimum ({minimum})", maximum);
        Require(augmentation.RandAugmentOperations >= 1, nameof(augmentation.RandAugmentOperations), "at least 1", augmentation.RandAugmentOperations);
        Require(augmentation.RandAugmentMagnitude is >= 0 and <= 10, nameof(augmentation.RandAugmentMagnitude), "in the range [0, 10]", augmentation.RandAugmentMagnitude);
        Require(augmentation.MaximumRotationDegrees is >= 0 and <= 180, nameof(augmentation.MaximumRotationDegrees), "in the range [0, 180]", augmentation.MaximumRotationDegrees);
        Require(augmentation.ElasticAlpha >= 0 && double.IsFinite(augmentation.ElasticAlpha), nameof(augmentation.ElasticAlpha), "finite and non-negative", augmentation.ElasticAlpha);
        Require(augmentation.ElasticSigma > 0 && double.IsFinite(augmentation.ElasticSigma), nameof(augmentation.ElasticSigma), "finite and positive", augmentation.ElasticSigma);
    }

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
