using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// One training run of a detector network: the engine (<see cref="TrainingLoop"/>, <see cref="MixedBatchSampler"/>,
/// <see cref="BatchSource{TBatch}"/>, <see cref="WeightAverage"/>, <see cref="LossNormalizer"/>) with the detection
/// parts: images and boxes augmented together (<see cref="DetectionBatches"/>), CenterNet targets on the network's map
/// (<see cref="CenterNetTargets"/>) and <see cref="DetectionLoss"/>.
/// </summary>
/// <param name="options">The trainer's options.</param>
/// <param name="spec">The network.</param>
/// <param name="seed">Seeds sampling and augmentation.</param>
/// <param name="channel">The log.</param>
/// <param name="run">The self-training run the detector is a student of: its α weighs the pseudo loss (1 without
/// one) and its token stops training too.</param>
internal sealed class DetectorTraining(TorchObjectDetectorTrainer.Options options, ImageNetworkSpec spec, int seed, IChannel channel, StudentContext? run)
{
    /// <summary>Trains <paramref name="network"/> on <paramref name="data"/> and leaves it in eval mode.</summary>
    public void Run(ImageNetwork network, DetectionSet data)
    {
        using var plan = new TrainingPlan(data.IsPseudo, options.Optimization, options.Student, options.CancellationToken, options.Progress, run, seed, channel);
        using var images = tensor(data.Pixels, [data.Count, spec.Channels, spec.ImageHeight, spec.ImageWidth]);
        using var weights = data.Weights is null ? null : tensor(data.Weights);
        using var augmenter = new ImageAugmenter(options.Augmentation, seed);
        var loss = new DetectionLoss(plan.Normalizer);
        using var average = options.Optimization.WeightAverageDecay is { } decay ? new WeightAverage(network, decay) : null;
        // Batches are prepared on this thread, not overlapped on a worker: see BatchSource for the TorchSharp race.
        var batches = new BatchSource<DetectionBatch>(plan.Sampler.NextBatch, new DetectionBatches(images, data, augmenter).Prepare);
        new TrainingLoop(plan.Settings, channel).Run(network, step =>
        {
            using var batch = batches.Take(step);
            var output = network.forward(batch.Images);
            using var targets = CenterNetTargets.Build(batch.Boxes, batch.Classes, spec.ClassCount, (int)output.shape[2], (int)output.shape[3], spec.Backbone.Stride);
            return (loss.Compute(output, targets, weights?.index_select(0, batch.Index), plan.Sampler.HumanBatchSize), batch.Rows.Length);
        }, average);
        network.eval();
        plan.ReportLossAverages();
    }
}
