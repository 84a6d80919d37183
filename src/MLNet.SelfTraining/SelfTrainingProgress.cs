namespace MLNet.SelfTraining;

/// <summary>
/// One progress report of a self-training run, given to <see cref="SelfTrainingOptions.Progress"/>: the stage, the
/// round, and how far the stage has got (what <see cref="Completed"/> and <see cref="Total"/> count depends on
/// <see cref="Stage"/>).
/// </summary>
/// <param name="Stage">What the run is doing.</param>
/// <param name="Round">The round, from 1; 0 while the teacher trains. For <see cref="SelfTrainingStage.Finished"/>,
/// the last round that ran.</param>
/// <param name="MaximumRounds">The rounds the run may take (<see cref="SelfTrainingOptions.MaximumIterations"/>); it can
/// stop earlier (<see cref="SelfTrainingTransformer.StopReason"/>).</param>
/// <param name="Completed">Rows scored, rows selected, training steps done or rounds trained (see
/// <see cref="SelfTrainingStage"/>); 0 for the stages that count nothing.</param>
/// <param name="Total">What <see cref="Completed"/> counts towards, when known; <see langword="null"/> otherwise.</param>
public sealed record SelfTrainingProgress(SelfTrainingStage Stage, int Round, int MaximumRounds, long Completed, long? Total);
