using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// One training run of a classifier network: the engine (<see cref="TrainingLoop"/>, <see cref="MixedBatchSampler"/>,
/// <see cref="BatchSource{TBatch}"/>, <see cref="WeightAverage"/>, <see cref="LossNormalizer"/>) with the
/// classification parts: class targets (hard or soft), <see cref="ClassificationLoss"/> and, in student mode,
/// <see cref="OnlineRelabeler"/>.
/// </summary>
/// <param name="options">The trainer's options.</param>
/// <param name="spec">The network.</param>
/// <param name="seed">Seeds sampling and augmentation.</param>
/// <param name="channel">The log.</param>
/// <param name="run">The self-training run the classifier is a student of: its α weighs the pseudo loss (1 without
/// one), its token stops training too, and it receives the training steps.</param>
internal sealed class ClassifierTraining(TorchImageClassifierTrainer.Options options, ImageNetworkSpec spec, int seed, IChannel channel, StudentContext? run)
{
    /// <summary>Trains <paramref name="network"/> on <paramref name="data"/> and leaves it in eval mode.</summary>
    public void Run(ImageNetwork network, TrainingSet data)
    {
        using var plan = new TrainingPlan(data.IsPseudo, options.Optimization, options.Student, options.CancellationToken, options.Progress, run, seed, channel);
        var (optimization, student, sampler) = (options.Optimization, options.Student, plan.Sampler);
        using var images = tensor(data.Pixels, [data.Count, spec.Channels, spec.ImageHeight, spec.ImageWidth]);
        using var labels = tensor(data.Labels);
        using var weights = data.Weights is null ? null : tensor(data.Weights);
        using var soft = data.SoftTargets is null ? null : tensor(data.SoftTargets, [data.Count, spec.ClassCount]);
        using var augmenter = new ImageAugmenter(options.Augmentation, seed);
        var loss = new ClassificationLoss(plan.Normalizer);
        using var average = optimization.WeightAverageDecay is { } decay ? new WeightAverage(network, decay) : null;
        // Batches are prepared on this thread, not overlapped on a worker: see BatchSource for the TorchSharp race.
        var batches = new BatchSource<PreparedBatch>(sampler.NextBatch, rows =>
        {
            using var scope = NewDisposeScope();
            var index = tensor(Array.ConvertAll(rows, r => (long)r));
            var augmented = augmenter.Apply(images.index_select(0, index));
            return new PreparedBatch(rows, index.DetachFromDisposeScope(), augmented.DetachFromDisposeScope());
        });
        var relabeler = student.OnlineRelabelThreshold is { } threshold && plan.PseudoRowCount > 0
            ? new OnlineRelabeler(threshold, student.MaskUnconfidentPseudoRows)
            : null;
        using var meanTeacher = relabeler is not null && student.RelabelWithWeightAverage ? ClassifierNetwork.Create(spec) : null;
        new TrainingLoop(plan.Settings, channel).Run(network, step =>
        {
            using var batch = batches.Take(step);
            var targets = (soft ?? labels).index_select(0, batch.Index);
            Tensor? keep = null;
            if (relabeler is not null)
            {
                if (meanTeacher is not null)
                {
                    average!.Snapshot(network, meanTeacher);
                }

                (targets, keep) = relabeler.Refresh(meanTeacher ?? network, images, batch.Index, targets, sampler.HumanBatchSize);
            }

            var logits = network.forward(batch.Images);
            return (loss.Compute(logits, targets, weights?.index_select(0, batch.Index), sampler.HumanBatchSize, keep), batch.Rows.Length);
        }, average);
        network.eval();
        plan.ReportLossAverages();
        Report(relabeler);
    }

    private void Report(OnlineRelabeler? relabeler)
    {
        if (relabeler is not null)
        {
            channel.Info(MessageSensitivity.None,
                $"Online re-labeling: {relabeler.Changed} of {relabeler.Seen} pseudo targets ({100.0 * relabeler.Changed / Math.Max(1, relabeler.Seen):F1}%) replaced by the network's own class"
                + (options.Student.MaskUnconfidentPseudoRows ? $", {relabeler.Masked} ({100.0 * relabeler.Masked / Math.Max(1, relabeler.Seen):F1}%) left out as unconfident." : "."));
        }
    }
}
