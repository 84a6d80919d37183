using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace SelfTraining.Vision;

/// <summary>
/// Every <see cref="TorchImageClassifierTrainer.Options"/> the benchmarks build: the one place that sets the trainer's
/// options, so a change in how the options are grouped changes this file only.
/// </summary>
internal static class TrainerOptionsFactory
{
    /// <summary>The teacher of a self-training run: <see cref="SelfTrainConfig.Policy"/>, no stochastic depth, no online re-labeling.</summary>
    public static TorchImageClassifierTrainer.Options Teacher(SelfTrainConfig config) =>
        SelfTraining(config, config.TeacherSteps, config.Policy, stochasticDepth: 0, onlineThreshold: null, weightAverage: null);

    /// <summary>Each round's student of a self-training run, with its noise and its online re-labeling.</summary>
    public static TorchImageClassifierTrainer.Options Student(SelfTrainConfig config) =>
        SelfTraining(config, config.StudentSteps, config.StudentPolicy ?? config.Policy, config.StudentStochasticDepth,
            config.OnlineThreshold, config.WeightAverage);

    /// <summary>A throughput fit: 1 thread, seed 1, inference batch 256, the given augmentation.</summary>
    public static TorchImageClassifierTrainer.Options Throughput(int steps, int batchSize, AugmentationPolicy policy, double elasticAlpha) => new()
    {
        Optimization = new OptimizationOptions
        {
            NumberOfSteps = steps,
            BatchSize = batchSize,
            InferenceBatchSize = 256,
            NumberOfThreads = 1,
            Seed = 1,
        },
        Augmentation = new AugmentationOptions { Policy = policy, ElasticAlpha = elasticAlpha },
    };

    /// <summary>
    /// The study's supervised pre-training of a backbone on the object-centric images: the scene trainers' network and
    /// optimizer (<see cref="SceneTrainerParts"/>), <see cref="SceneConfig.TeacherSteps"/> and <see cref="SceneConfig.TeacherPolicy"/>.
    /// </summary>
    public static TorchImageClassifierTrainer.Options Pretraining(SceneConfig config) => new()
    {
        Network = SceneTrainerParts.Network(config),
        Optimization = SceneTrainerParts.Optimization(config, config.TeacherSteps),
        Augmentation = new AugmentationOptions { Policy = config.TeacherPolicy },
    };

    private static TorchImageClassifierTrainer.Options SelfTraining(SelfTrainConfig config, int steps, AugmentationPolicy policy,
        double stochasticDepth, double? onlineThreshold, double? weightAverage) => new()
    {
        Network = new NetworkOptions { BaseWidth = config.Width, StochasticDepthRate = stochasticDepth },
        Optimization = new OptimizationOptions
        {
            NumberOfSteps = steps,
            LearningRate = config.LearningRate,
            WeightAverageDecay = weightAverage,
            Seed = config.Seed,
        },
        Augmentation = new AugmentationOptions
        {
            Policy = policy,
            AutoAugmentPolicy = config.AutoAugmentPolicy,
            MaximumRotationDegrees = config.RotationDegrees,
            ElasticAlpha = config.ElasticAlpha,
        },
        Student = new StudentOptions
        {
            NormalizeLoss = config.NormalizeLoss,
            PseudoLabelRatio = config.PseudoRatio,
            OnlineRelabelThreshold = onlineThreshold,
            MaskUnconfidentPseudoRows = onlineThreshold is not null && config.OnlineMask,
            RelabelWithWeightAverage = onlineThreshold is not null && weightAverage is not null && config.MeanTeacher,
        },
        SoftLabelColumnName = config.SoftLabels ? DefaultColumnNames.SoftLabel : null,
        ExampleWeightColumnName = config.BalanceClasses ? DefaultColumnNames.Weight : null,     // carries the balancing multiplicities
    };
}
