using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// What every task's training run sets up the same way from the rows' pseudo flags and the option groups: the human
/// and pseudo-labeled rows (the pseudo rows become the human ones when there are no others), the batch sampler, the
/// number of steps (logged with the mode), the loss normalizer with the run's α, the loop settings with the trainer's
/// and the run's cancellation tokens linked.
/// </summary>
internal sealed class TrainingPlan : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly IChannel _channel;

    /// <param name="isPseudo">Whether each training row is pseudo-labeled.</param>
    /// <param name="optimization">The optimization options.</param>
    /// <param name="student">The student options.</param>
    /// <param name="cancellationToken">The trainer's own token.</param>
    /// <param name="run">The self-training run the trainer is a student of: its α weighs the pseudo loss (1 without
    /// one) and its token stops training too.</param>
    /// <param name="seed">Seeds the sampler.</param>
    /// <param name="channel">The log.</param>
    public TrainingPlan(bool[] isPseudo, OptimizationOptions optimization, StudentOptions student, CancellationToken cancellationToken,
        StudentContext? run, int seed, IChannel channel)
    {
        _channel = channel;
        var human = Enumerable.Range(0, isPseudo.Length).Where(i => !isPseudo[i]).ToArray();
        var pseudo = Enumerable.Range(0, isPseudo.Length).Where(i => isPseudo[i]).ToArray();
        if (human.Length == 0)
        {
            (human, pseudo) = (pseudo, human);
        }

        PseudoRowCount = pseudo.Length;
        Sampler = new MixedBatchSampler(human, pseudo, optimization.BatchSize, student.PseudoLabelRatio, seed);
        var totalSteps = optimization.NumberOfSteps ?? optimization.NumberOfEpochs * Sampler.StepsPerEpoch;
        channel.Info(MessageSensitivity.None, pseudo.Length > 0
            ? $"Student mode: {human.Length} human-labeled and {pseudo.Length} pseudo-labeled rows, batches of {Sampler.HumanBatchSize} + {Sampler.PseudoBatchSize}, {totalSteps} steps."
            : $"Supervised: {human.Length} rows, batches of {Sampler.HumanBatchSize}, {totalSteps} steps.");
        Normalizer = new LossNormalizer(run?.PseudoLabelWeight ?? 1.0, student.LossAverageDecay, student.NormalizeLoss);
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, run?.CancellationToken ?? CancellationToken.None);
        Settings = new TrainingSettings(optimization.Optimizer, optimization.LearningRate, optimization.Momentum, optimization.Nesterov,
            optimization.WeightDecay, totalSteps, (int)(optimization.WarmupFraction * totalSteps), Sampler.StepsPerEpoch, _cancellation.Token);
    }

    /// <summary>The batches: human rows first, then pseudo-labeled rows.</summary>
    public MixedBatchSampler Sampler { get; }

    /// <summary>Pseudo-labeled rows (0 in supervised mode).</summary>
    public int PseudoRowCount { get; }

    /// <summary>Combines a batch's human and pseudo losses.</summary>
    public LossNormalizer Normalizer { get; }

    /// <summary>The loop's settings.</summary>
    public TrainingSettings Settings { get; }

    /// <summary>Logs the normalizer's averages and weights at the end of a student run (nothing in supervised mode).</summary>
    public void ReportLossAverages()
    {
        if (PseudoRowCount > 0)
        {
            var (humanWeight, pseudoWeight) = Normalizer.Weights;
            _channel.Info(MessageSensitivity.None,
                $"Loss averages at the end: human {Normalizer.HumanLossAverage:F4}, pseudo {Normalizer.PseudoLossAverage:F4}"
                + $"; weights human {humanWeight:F3}, pseudo {pseudoWeight:F3}.");
        }
    }

    public void Dispose() => _cancellation.Dispose();
}
