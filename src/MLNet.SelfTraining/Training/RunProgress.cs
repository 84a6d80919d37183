namespace MLNet.SelfTraining.Training;

/// <summary>
/// Makes the run's <see cref="SelfTrainingProgress"/> reports (nothing when <see cref="SelfTrainingOptions.Progress"/> is
/// <see langword="null"/>), on the calling thread.
/// </summary>
/// <param name="progress">The user's callback.</param>
/// <param name="maximumRounds">The run's <see cref="SelfTrainingOptions.MaximumIterations"/>.</param>
internal sealed class RunProgress(IProgress<SelfTrainingProgress>? progress, int maximumRounds)
{
    /// <summary>Rows between two <see cref="SelfTrainingStage.Scoring"/> reports.</summary>
    public const int ScoringInterval = 1024;

    /// <summary>The round the next reports are about (0: the teacher).</summary>
    public int Round { get; set; }

    public void Report(SelfTrainingStage stage, long completed = 0, long? total = null)
        => progress?.Report(new SelfTrainingProgress(stage, Round, maximumRounds, completed, total));
}
