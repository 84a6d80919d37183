using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MLNet.SelfTraining.Vision.Tests.Infrastructure;

/// <summary>Options for fast tests: the small CNN at width 8 on 1×12×12 images, a fixed seed, few steps.</summary>
internal static class TinyClassifier
{
    public static TorchImageClassifierTrainer.Options Options(int steps = 40, int seed = 1) => new()
    {
        Network = new NetworkOptions
        {
            ImageChannels = 1,
            ImageHeight = SyntheticImages.Side,
            ImageWidth = SyntheticImages.Side,
            BaseWidth = 8,
        },
        Optimization = new OptimizationOptions
        {
            NumberOfSteps = steps,
            BatchSize = 32,
            LearningRate = 0.01,
            Seed = seed,
        },
    };
}
