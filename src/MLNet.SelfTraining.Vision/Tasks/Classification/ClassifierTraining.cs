using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
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
    private readonly ClassifierSpec _spec;
    private readonly int _seed;
    private readonly IChannel _channel;
    private readonly StudentContext? _run;

    /// <param name="options">The trainer's options.</param>
    /// <param name="spec">The network.</param>
    /// <param name="seed">Seeds sampling and augmentation.</param>
    /// <param name="channel">The log.</param>
    /// <param name="run">The self-training run the classifier is a student of: its α weighs the pseudo loss (1 without
    /// one), its token stops training too, and it receives the training steps.</param>
    public ClassifierTraining(TorchImageClassifierTrainer.Options options, ClassifierSpec spec, int seed, IChannel channel, StudentContext? run)
    {
        _run = run;
        _options = options;
        _spec = spec;
        _seed = seed;
        _channel = channel;
    }

    /// <summary>Trains <paramref name="network"/> on <paramref name="data"/> and leaves it in eval mode.</summary>
    public void Run(ClassifierNetwork network, TrainingSet data)
    {
        var human = Enumerable.Range(0, data.Count).Where(i => !data.IsPseudo[i]).ToArray();
        var pseudo = Enumerable.Range(0, data.Count).Where(i => data.IsPseudo[i]).ToArray();
        if (human.Length == 0)
        {
            (human, pseudo) = (pseudo, human);
        }

        var (optimization, student) = (_options.Optimization, _options.Student);
        var sampler = new MixedBatchSampler(human, pseudo, optimization.BatchSize, student.PseudoLabelRatio, _seed);
        var totalSteps = optimization.NumberOfSteps ?? optimization.NumberOfEpochs * sampler.StepsPerEpoch;
        _channel.Info(MessageSensitivity.None, pseudo.Length > 0
            ? $"Student mode: {human.Length} human-labeled and {pseudo.Length} pseudo-labeled rows, batches of {sampler.HumanBatchSize} + {sampler.PseudoBatchSize}, {totalSteps} steps."
            : $"Supervised: {human.Length} rows, batches of {sampler.HumanBatchSize}, {totalSteps} steps.");

        using var images = tensor(data.Pixels, [data.Count, _spec.Channels, _spec.ImageHeight, _spec.ImageWidth]);
        using var labels = tensor(data.Labels);
        using var weights = data.Weights is null ? null : tensor(data.Weights);
        using var soft = data.SoftTargets is null ? null : tensor(data.SoftTargets, [data.Count, _spec.ClassCount]);
        using var augmenter = new ImageAugmenter(_options.Augmentation, _seed);
        var normalizer = new LossNormalizer(_run?.PseudoLabelWeight ?? 1.0, student.LossAverageDecay, student.NormalizeLoss);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_options.CancellationToken, _run?.CancellationToken ?? CancellationToken.None);
        var loss = new ClassificationLoss(normalizer);
        var settings = new TrainingSettings(optimization.Optimizer, optimization.LearningRate, optimization.Momentum, optimization.Nesterov,
            optimization.WeightDecay, totalSteps, (int)(optimization.WarmupFraction * totalSteps), sampler.StepsPerEpoch, cancellation.Token,
            StepProgress.Of(_options.Progress, _run));
        using var average = optimization.WeightAverageDecay is { } decay ? new WeightAverage(network, decay) : null;
        // Batches are prepared on this thread, not overlapped on a worker: see BatchSource for the TorchSharp race.
        var batches = new BatchSource<PreparedBatch>(sampler.NextBatch, rows =>
        {
            using var scope = NewDisposeScope();
            var index = tensor(Array.ConvertAll(rows, r => (long)r));
            var augmented = augmenter.Apply(images.index_select(0, index));
            return new PreparedBatch(rows, index.DetachFromDisposeScope(), augmented.DetachFromDisposeScope());
        });
        var relabeler = student.OnlineRelabelThreshold is { } threshold && pseudo.Length > 0
            ? new OnlineRelabeler(threshold, student.MaskUnconfidentPseudoRows)
            : null;
        using var meanTeacher = relabeler is not null && student.RelabelWithWeightAverage ? new ClassifierNetwork(_spec) : null;
        new TrainingLoop(settings, _channel).Run(network, step =>
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
        Report(normalizer, pseudo.Length, relabeler);
    }

    private void Report(LossNormalizer normalizer, int pseudoRows, OnlineRelabeler? relabeler)
    {
        if (pseudoRows > 0)
        {
            var (humanWeight, pseudoWeight) = normalizer.Weights;
            _channel.Info(MessageSensitivity.None,
                $"Loss averages at the end: human {normalizer.HumanLossAverage:F4}, pseudo {normalizer.PseudoLossAverage:F4}"
                + $"; weights human {humanWeight:F3}, pseudo {pseudoWeight:F3}.");
        }

        if (relabeler is not null)
        {
            _channel.Info(MessageSensitivity.None,
                $"Online re-labeling: {relabeler.Changed} of {relabeler.Seen} pseudo targets ({100.0 * relabeler.Changed / Math.Max(1, relabeler.Seen):F1}%) replaced by the network's own class"
                + (_options.Student.MaskUnconfidentPseudoRows ? $", {relabeler.Masked} ({100.0 * relabeler.Masked / Math.Max(1, relabeler.Seen):F1}%) left out as unconfident." : "."));
        }
    }
}
