using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision.Engine;
using Spectre.Console;

namespace MnistSelfTraining;

/// <summary>
/// Shows a self-training run as Spectre.Console progress bars, one per stage, fed by the library's typed callbacks:
/// <see cref="SelfTrainingOptions.Progress"/> (stages, rows scored, student steps) and the TorchSharp classifier's
/// <c>Options.Progress</c> (each step's loss). In a terminal the bars are live; when the output is not interactive (a
/// pipe, a log file, CI) Spectre prints plain lines instead. Reports arrive on the training thread and are shown in
/// order (a <see cref="ProgressTask"/> may be updated from any thread).
/// </summary>
internal sealed class SelfTrainingProgressBar : IProgress<SelfTrainingProgress>, IProgress<TrainingProgress>
{
    private readonly ProgressContext _context;
    private ProgressTask? _task;
    private string _description = "";

    private SelfTrainingProgressBar(ProgressContext context) => _context = context;

    /// <summary>Runs <paramref name="work"/> with a bar that it passes to the library's progress options.</summary>
    public static T Run<T>(string title, Func<SelfTrainingProgressBar, T> work)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        return AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new SelfTrainingProgressBar(context)));
    }

    public void Report(SelfTrainingProgress value)
    {
        var round = $"round {value.Round}/{value.MaximumRounds}";
        switch (value.Stage)
        {
            case SelfTrainingStage.TeacherTraining:
                Start("teacher: training on the labeled rows", null);
                break;
            case SelfTrainingStage.Scoring when value.Completed == 0:
                Start($"{round}: teacher scores {value.Total:N0} unlabeled rows", value.Total);
                break;
            case SelfTrainingStage.Scoring or SelfTrainingStage.StudentTraining when value.Total is { } total:
                Advance(value.Completed, total);
                break;
            case SelfTrainingStage.PseudoLabelsSelected:
                Describe($"{round}: {value.Completed:N0} of {value.Total:N0} scored rows selected as pseudo labels");
                Finish();
                break;
            case SelfTrainingStage.StudentTraining:
                Start($"{round}: student training on human + pseudo labels", null);
                break;
            case SelfTrainingStage.TeacherTrained or SelfTrainingStage.StudentTrained:
                Finish();
                break;
        }
    }

    public void Report(TrainingProgress value)
    {
        Advance(value.Step, value.TotalSteps);
        _task?.Description($"{Markup.Escape(_description)} [grey]loss {value.LossAverage:F3}, learning rate {value.LearningRate:G2}[/]");
    }

    private void Start(string description, long? total)
    {
        _description = description;
        _task = _context.AddTask(Markup.Escape(description), maxValue: total ?? 1);
        _task.IsIndeterminate = total is null;
    }

    private void Advance(long completed, long total)
    {
        if (_task is { } task)
        {
            task.IsIndeterminate = false;
            task.MaxValue = total;
            task.Value = completed;
        }
    }

    private void Describe(string description)
    {
        _description = description;
        _task?.Description(Markup.Escape(description));
    }

    private void Finish()
    {
        if (_task is { } task)
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
