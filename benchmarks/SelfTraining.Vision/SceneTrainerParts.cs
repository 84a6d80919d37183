using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;

namespace SelfTraining.Vision;

/// <summary>
/// The option groups every trainer of a scene run shares (<see cref="DetectorOptionsFactory"/>,
/// <see cref="SegmenterOptionsFactory"/>, the study's pre-training in <see cref="TrainerOptionsFactory"/> and its SimCLR
/// estimator): the network on the scenes' canvas and the optimizer.
/// </summary>
internal static class SceneTrainerParts
{
    /// <summary>Inference batch (the detector's and segmenter's default; the Python replicas' too).</summary>
    public const int InferenceBatchSize = 64;

    /// <summary>The SmallCnn of <see cref="SceneConfig.Width"/> on the canvas, from <paramref name="initialBackbone"/> (a
    /// backbone archive) or random weights.</summary>
    public static NetworkOptions Network(SceneConfig config, string? initialBackbone = null) => new()
    {
        ImageHeight = config.Canvas,
        ImageWidth = config.Canvas,
        BaseWidth = config.Width,
        InitialBackbonePath = initialBackbone,
    };

    /// <summary>AdamW with warmup-cosine at the run's learning rate and batch, one thread, the run's seed.</summary>
    public static OptimizationOptions Optimization(SceneConfig config, int steps) => new()
    {
        NumberOfSteps = steps,
        BatchSize = config.BatchSize,
        InferenceBatchSize = InferenceBatchSize,
        LearningRate = config.LearningRate,
        NumberOfThreads = 1,
        Seed = config.Seed,
    };
}
