using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MLNet.SelfTraining.Vision.Tests.Infrastructure;

/// <summary>Options for fast tests: the small CNN at width 8 on 1×12×12 images, a fixed seed, few steps.</summary>
internal static class TinyClassifier
{
    public static TorchImageClassifierTrainer.Options Options(int steps = 40, int seed = 1) => new()
    {
        Network = Network(),
        Optimization = Optimization(steps, seed, batchSize: 32),
    };

    /// <summary>The small CNN at width 8 on 1×12×12 images.</summary>
    public static NetworkOptions Network() => new()
    {
        ImageChannels = 1,
        ImageHeight = SyntheticImages.Side,
        ImageWidth = SyntheticImages.Side,
        BaseWidth = 8,
    };

    /// <summary><paramref name="steps"/> steps of <paramref name="batchSize"/> rows at learning rate 0.01, seeded.</summary>
    public static OptimizationOptions Optimization(int steps, int seed, int batchSize) => new()
    {
        NumberOfSteps = steps,
        BatchSize = batchSize,
        LearningRate = 0.01,
        Seed = seed,
    };
}
