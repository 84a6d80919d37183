namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>The optimizer, schedule and bookkeeping settings of one <see cref="TrainingLoop"/> run.</summary>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="LearningRate">Peak learning rate (reached after warmup).</param>
/// <param name="Momentum">SGD momentum (ignored by AdamW).</param>
/// <param name="Nesterov">Whether SGD uses Nesterov momentum.</param>
/// <param name="WeightDecay">Weight decay (coupled L2 for SGD, decoupled for AdamW).</param>
/// <param name="TotalSteps">Optimizer steps in the run.</param>
/// <param name="WarmupSteps">Steps of linear warmup before the cosine decay.</param>
/// <param name="StepsPerEpoch">Steps between two progress reports.</param>
/// <param name="CancellationToken">Checked before every step.</param>
/// <param name="Progress">Receives every step, on the training thread; <see langword="null"/> reports nothing.</param>
internal sealed record TrainingSettings(
    TorchOptimizer Optimizer,
    double LearningRate,
    double Momentum,
    bool Nesterov,
    double WeightDecay,
    int TotalSteps,
    int WarmupSteps,
    int StepsPerEpoch,
    CancellationToken CancellationToken,
    IProgress<TrainingProgress>? Progress = null);
