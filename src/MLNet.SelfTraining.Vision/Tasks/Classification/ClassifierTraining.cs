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
internal sealed class ClassifierTraining
{
    private readonly TorchImageClassifierTrainer.Options _options;
    private readonly ImageNetworkSpec _spec;
    private readonly int _seed;
    private readonly IChannel _channel;
    private readonly StudentContext? _run;

    /// <param name="options">The trainer's options.</param>
    /// <param name="spec">The network.</param>
    /// <param name="seed">Seeds sampling and augmentation.</param>
    /// <param name="channel">The log.</param>
    /// <param name="run">The self-training run the classifier is a student of: its α weighs the pseudo loss (1 without
    /// one), its token stops training too, and it receives the training steps.</param>
    public ClassifierTraining(TorchImageClassifierTrainer.Options options, ImageNetworkSpec spec, int seed, IChannel channel, StudentContext? run)
    {
        _run = run;
        _options = options;
        _spec = spec;
        _seed = seed;
        _channel = channel;
    }

    /// <summary>Trains <paramref name="network"/> on <paramref name="data"/> and leaves it in eval mode.</summary>
    public void Run(ImageNetwork network, TrainingSet data)
    {
        using var plan = new TrainingPlan(data.IsPseudo, _options.Optimization, _options.Student, _options.CancellationToken, _options.Progress, _run, _seed, _channel);
        var (optimization, student, sampler) = (_options.Optimization, _options.Student, plan.Sampler);
        using var images = tensor(data.Pixels, [data.Count, _spec.Channels, _spec.ImageHeight, _spec.ImageWidth]);
        using var labels = tensor(data.Labels);
        using var weights = data.Weights is null ? null : tensor(data.Weights);
        using var soft = data.SoftTargets is null ? null : tensor(data.SoftTargets, [data.Count, _spec.ClassCount]);
        using var augmenter = new ImageAugmenter(_options.Augmentation, _seed);
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
        using var meanTeacher = relabeler is not null && student.RelabelWithWeightAverage ? ClassifierNetwork.Create(_spec) : null;
        new TrainingLoop(plan.Settings, _channel).Run(network, step =>
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
            _channel.Info(MessageSensitivity.None,
                $"Online re-labeling: {relabeler.Changed} of {relabeler.Seen} pseudo targets ({100.0 * relabeler.Changed / Math.Max(1, relabeler.Seen):F1}%) replaced by the network's own class"
                + (_options.Student.MaskUnconfidentPseudoRows ? $", {relabeler.Masked} ({100.0 * relabeler.Masked / Math.Max(1, relabeler.Seen):F1}%) left out as unconfident." : "."));
        }
    }
}
