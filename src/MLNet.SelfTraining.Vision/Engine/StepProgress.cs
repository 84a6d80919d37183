using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Passes each step of a fit to the trainer's own progress option and, inside self-training, to the run
/// (<see cref="StudentContext.ReportTrainingSteps"/>, which reaches <see cref="SelfTrainingOptions.Progress"/>).
/// </summary>
internal sealed class StepProgress : IProgress<TrainingProgress>
{
    private readonly IProgress<TrainingProgress>? _own;
    private readonly StudentContext _run;

    private StepProgress(IProgress<TrainingProgress>? own, StudentContext run)
    {
        _own = own;
        _run = run;
    }

    /// <summary>Where a fit's steps go: <paramref name="own"/> alone outside self-training, else both.</summary>
    /// <param name="own">The trainer's progress option.</param>
    /// <param name="run">The self-training run the trainer is a student of, if any.</param>
    public static IProgress<TrainingProgress>? Of(IProgress<TrainingProgress>? own, StudentContext? run)
        => run is null ? own : new StepProgress(own, run);

    public void Report(TrainingProgress value)
    {
        _own?.Report(value);
        _run.ReportTrainingSteps(value.Step, value.TotalSteps);
    }
}
