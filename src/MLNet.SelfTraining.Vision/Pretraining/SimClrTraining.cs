using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>
/// One SimCLR run: per step a batch of B images (<see cref="CyclicSampler"/>, no image twice in a batch), two independent
/// augmentations of it (<see cref="ImageAugmenter"/>), one forward pass of the 2B views through the backbone and the
/// projection head, and <see cref="NtXentLoss"/>, in the engine's <see cref="TrainingLoop"/>.
/// </summary>
/// <param name="options">The estimator's options.</param>
/// <param name="info">The images' shape and the backbone.</param>
/// <param name="seed">Seeds sampling and augmentation.</param>
/// <param name="channel">The log.</param>
internal sealed class SimClrTraining(TorchSimClrEstimator.Options options, SimClrInfo info, int seed, IChannel channel)
{
    /// <summary>Trains <paramref name="network"/> (a <see cref="SimClrNetwork"/> training network) on
    /// <paramref name="data"/> and leaves it in eval mode.</summary>
    public void Run(ImageNetwork network, UnlabeledImages data)
    {
        var optimization = options.Optimization;
        var batchSize = Math.Min(optimization.BatchSize, data.Count);
        var stepsPerEpoch = (data.Count + batchSize - 1) / batchSize;
        var totalSteps = optimization.NumberOfSteps ?? optimization.NumberOfEpochs * stepsPerEpoch;
        channel.Info(MessageSensitivity.None,
            $"SimCLR: {data.Count} images, batches of {batchSize} images ({2 * batchSize} views; the images/s per epoch count views), "
            + $"{totalSteps} steps, temperature {options.Temperature}.");
        var settings = new TrainingSettings(optimization.Optimizer, optimization.LearningRate, optimization.Momentum, optimization.Nesterov,
            optimization.WeightDecay, totalSteps, (int)(optimization.WarmupFraction * totalSteps), stepsPerEpoch, options.CancellationToken,
            options.Progress);
        var sampler = new CyclicSampler(data.Count, new Random(seed));
        using var images = tensor(data.Pixels, [data.Count, info.Backbone.Channels, info.ImageHeight, info.ImageWidth]);
        using var augmenter = new ImageAugmenter(options.Augmentation, seed);
        using var average = optimization.WeightAverageDecay is { } decay ? new WeightAverage(network, decay) : null;
        var loss = new NtXentLoss(options.Temperature);
        // Batches are prepared on this thread, not overlapped on a worker: see BatchSource for the TorchSharp race.
        var batches = new BatchSource<PreparedBatch>(() => sampler.Next(batchSize), rows =>
        {
            using var scope = NewDisposeScope();
            var index = tensor(Array.ConvertAll(rows, r => (long)r));
            var batch = images.index_select(0, index);
            var views = cat([augmenter.Apply(batch), augmenter.Apply(batch)], 0);          // (2B, C, H, W)
            return new PreparedBatch(rows, index.DetachFromDisposeScope(), views.DetachFromDisposeScope());
        });
        new TrainingLoop(settings, channel).Run(network, step =>
        {
            using var batch = batches.Take(step);
            var projections = network.forward(batch.Images);                                // (2B, D)
            return (loss.Compute(projections), (int)batch.Images.shape[0]);
        }, average);
        network.eval();
    }
}
