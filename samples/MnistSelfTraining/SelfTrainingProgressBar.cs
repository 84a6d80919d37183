using System.Diagnostics;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision.Engine;
using Spectre.Console;

namespace MnistSelfTraining;

/// <summary>
/// Shows a self-training run as Spectre.Console progress bars, one per stage, fed by the library's typed callbacks:
/// <see cref="SelfTrainingOptions.Progress"/> (stages, rows scored, student steps) and the TorchSharp classifier's
/// <c>Options.Progress</c> (each step's loss). In a terminal the bars are live; when the output is not interactive
/// (<c>AnsiConsole.Profile.Capabilities.Interactive</c> is false: a pipe, a log file, CI) each stage prints plain lines
/// instead, at every quarter of its work and when it ends. Reports arrive on the training thread, in order.
/// </summary>
internal sealed class SelfTrainingProgressBar : IProgress<SelfTrainingProgress>, IProgress<TrainingProgress>
{
    private const int LinesPerStage = 4;
    private readonly ProgressContext? _context;
    private readonly Stopwatch _clock = new();
    private ProgressTask? _task;
    private string _description = "";
    private string _detail = "";
    private int _quartersPrinted;

    private SelfTrainingProgressBar(ProgressContext? context) => _context = context;

    /// <summary>Runs <paramref name="work"/> with a bar that it passes to the library's progress options.</summary>
    public static T Run<T>(string title, Func<SelfTrainingProgressBar, T> work)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return work(new SelfTrainingProgressBar(null));
        }

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
                _description = $"{round}: {value.Completed:N0} of {value.Total:N0} scored rows selected as pseudo labels";
                _task?.Description(Markup.Escape(_description));
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
        _detail = $"loss {value.LossAverage:F3}, learning rate {value.LearningRate:G2}";
        _task?.Description($"{Markup.Escape(_description)} [grey]{_detail}[/]");
        Advance(value.Step, value.TotalSteps);
    }

    private void Start(string description, long? total)
    {
        (_description, _detail, _quartersPrinted) = (description, "", 0);
        _clock.Restart();
        if (_context is not null)
        {
            _task = _context.AddTask(Markup.Escape(description), maxValue: total ?? 1);
            _task.IsIndeterminate = total is null;
        }
    }

    private void Advance(long completed, long total)
    {
        if (_task is { } task)
        {
            task.IsIndeterminate = false;
            task.MaxValue = total;
            task.Value = completed;
        }
        else if (_context is null && completed < total && completed * LinesPerStage >= (_quartersPrinted + 1) * total)
        {
            _quartersPrinted = (int)(completed * LinesPerStage / total);
            Line($"{completed:N0}/{total:N0}");
        }
    }

    private void Finish()
    {
        if (_task is { } task)
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
        else if (_context is null)
        {
            Line(null);
        }
    }

    /// <summary>A plain line: the stage, how far it is (<see langword="null"/> when it has ended), its time and the latest loss.</summary>
    private void Line(string? progress)
        => AnsiConsole.MarkupLine($"  {Markup.Escape(_description)}{(progress is null ? "" : $": {progress}")} ({_clock.Elapsed.TotalSeconds:F1} s){(_detail.Length > 0 ? $" [grey]{_detail}[/]" : "")}");
}
