using System.Globalization;
using System.Text;

namespace SelfTraining.Vision.Study;

/// <summary>The report's time section: the <c>study</c> commands' wall time, each kind of run's seconds, and every run's seconds and peak RSS.</summary>
internal static class StudyTimeSection
{
    public static void Append(StringBuilder md, StudyResults results, IReadOnlyList<StudyInvocation> invocations)
    {
        md.AppendLine("## 5. Time").AppendLine();
        var total = results.All.Sum(r => r.Seconds);
        var wall = invocations.Sum(i => i.Seconds);
        md.AppendLine(Invariant($"Run time, all runs together: {total:F0} s ({total / 3600:0.00} h). Wall time of the `study` command on this machine: {wall:F0} s ({wall / 3600:0.00} h) over {invocations.Count} invocation(s) (a resumed study has several; the build and the report are not counted):")).AppendLine();
        MarkdownTable.Append(md, ["started (UTC)", "wall s", "runs at once", "runs started", "failed or not run"],
            invocations.Select(i => (IReadOnlyList<string>)[i.StartedUtc, Invariant($"{i.Seconds:F0}"), Invariant($"{i.Jobs}"), Invariant($"{i.Started}"), Invariant($"{i.Failed}")]));
        MarkdownTable.Append(md, ["kind of run", "runs", "mean s", "total s", "peak RSS MiB (max)"],
            results.All.GroupBy(r => Kind(r, results.FullSteps)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (IReadOnlyList<string>)
            [
                g.Key, Invariant($"{g.Count()}"), Invariant($"{g.Average(r => r.Seconds):F0}"), Invariant($"{g.Sum(r => r.Seconds):F0}"), Invariant($"{g.Max(r => r.PeakRssMiB):F0}"),
            ]));
        md.AppendLine("<details><summary>Every run</summary>").AppendLine();
        MarkdownTable.Append(md, ["run", "s", "peak RSS MiB", "started (UTC)"],
            results.All.Select(r => (IReadOnlyList<string>)[r.RunId, Invariant($"{r.Seconds:F0}"), Invariant($"{r.PeakRssMiB:F0}"), r.StartedUtc]));
        md.AppendLine("</details>");
    }

    /// <summary>The kind of a run for the time table: a pre-training, a task's arm without or with self-training, or a speedup run's budget.</summary>
    private static string Kind(StudyResult run, int fullSteps) =>
        run.Kind == StudyRun.PretrainKind ? $"pre-training {run.Init}"
        : run.Steps < fullSteps ? Invariant($"{StudyReport.Title(run.Task!)} speedup run, {run.Steps} steps")
        : run.SelfTraining == StudyArm.NoSelfTraining ? $"{StudyReport.Title(run.Task!)} arm, no self-training"
        : $"{StudyReport.Title(run.Task!)} arm, self-training ({run.SelfTraining})";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
