using System.Globalization;
using System.Text;

namespace SelfTraining.Vision.Study;

/// <summary>
/// The study's markdown report: the accuracy tables shaped like the paper's (policies at the largest labeled size,
/// labeled sizes at the strongest policy), the fine-tuning speedups, the pseudo labels' quality, the findings with their
/// rules and numbers, and the time (<see cref="StudyTimeSection"/>).
/// </summary>
internal static class StudyReport
{
    public static string Markdown(StudyResults results, StudyFolder folder, IReadOnlyList<(string Title, string Path)> figures)
    {
        var md = new StringBuilder();
        var speedups = StudySpeedup.All(results);
        md.AppendLine("# Pre-training vs self-training (issue 16, after Zoph et al. 2020)").AppendLine();
        if (results.All.Any(r => r.Quick))
        {
            md.AppendLine("**Smoke run (`--quick`): step and image counts shrunk, one seed; the figures mean nothing.**").AppendLine();
        }

        md.AppendLine(Invariant($"Written by `SelfTraining.Vision study-report` from the {results.All.Count} run results in `{folder.Root}` (`bash benchmarks/run-study.sh`). ")
            + "Target: the MNIST scenes (detection AP@[.50:.05:.95], segmentation mIoU, in %); additional data: the object-centric digit images "
            + Invariant($"(pre-training data, and the self-training arms' unlabeled images). Every arm trains {results.FullSteps} steps from its init. ")
            + "A cell reads `value (Δ vs random init)`, the mean over seeds, with `± half-range` where two seeds exist (Δ taken seed by seed).");
        md.AppendLine();
        if (File.Exists(folder.Machine))
        {
            md.AppendLine(File.ReadAllText(folder.Machine).Trim()).AppendLine();
        }

        md.AppendLine("## 1. Accuracy").AppendLine();
        foreach (var task in results.Tasks)
        {
            AccuracyTable(md, results, task, results.PolicyCells, [.. StudyArm.All.Where(arm => arm != StudyArm.SelfTrainScenes)], c => c.Policy.ToString(),
                "policy", $"by augmentation policy at {results.PolicyCells.FirstOrDefault()?.Labeled} labeled scenes");
            AccuracyTable(md, results, task, results.SizeCells, StudyArm.All, c => c.Labeled.ToString(CultureInfo.InvariantCulture), "labeled scenes",
                $"by labeled scenes at {results.SizeCells.FirstOrDefault()?.Policy}");
        }

        foreach (var (title, path) in figures)
        {
            md.AppendLine($"![{title}]({Path.GetRelativePath(Path.GetDirectoryName(folder.Report)!, path)})").AppendLine();
        }

        SpeedupTable(md, speedups);
        StudyPseudoLabelSection.Append(md, results);
        md.AppendLine("## 4. Findings").AppendLine();
        foreach (var finding in results.Tasks.SelectMany(task => StudyFindings.Of(results, task, Title(task), speedups)))
        {
            md.AppendLine($"- **{finding.Code} ({finding.Task}): {finding.Verdict}.** Claim: {finding.Claim}. Rule: {finding.Rule}.");
            foreach (var line in finding.Evidence)
            {
                md.AppendLine($"  - {line}");
            }
        }

        md.AppendLine();
        StudyTimeSection.Append(md, results, StudyInvocation.ReadAll(folder.Invocations));
        return md.ToString();
    }

    /// <summary>The task's title (<c>detect</c> → Detection, <c>segment</c> → Segmentation).</summary>
    public static string Title(string task) => task == RunKind.Detect ? "Detection" : task == RunKind.Segment ? "Segmentation" : task;

    private static void AccuracyTable(StringBuilder md, StudyResults results, string task, IReadOnlyList<StudyCell> cells, IReadOnlyList<StudyArm> arms,
        Func<StudyCell, string> row, string rowTitle, string caption)
    {
        md.AppendLine($"### {Title(task)}: {results.Metric(task)} (%) {caption}").AppendLine();
        MarkdownTable.Append(md, [rowTitle, .. arms.Select(arm => arm.Title), "seeds"], cells.Select(cell => (IReadOnlyList<string>)
        [
            row(cell),
            .. arms.Select(arm => Cell(results, task, cell, arm)),
            string.Join(", ", results.Runs(task, cell, StudyArm.RandomInit).Select(r => r.Seed)),
        ]));
    }

    private static string Cell(StudyResults results, string task, StudyCell cell, StudyArm arm) =>
        results.Value(task, cell, arm.Name) is not { } value ? "–"
        : arm == StudyArm.Random || results.Delta(task, cell, arm.Name) is not { } delta ? value.Points()
        : $"{value.Points()} ({delta.Points(signed: true)})";

    private static void SpeedupTable(StringBuilder md, IReadOnlyList<StudySpeedup> speedups)
    {
        md.AppendLine("## 2. Fine-tuning speedup").AppendLine();
        md.AppendLine("Per pre-trained init, the fewest steps whose test metric reaches random init's final one (same cell and seed), "
            + "among the speedup runs' shorter budgets and the arm itself; speedup = full steps / those steps.").AppendLine();
        MarkdownTable.Append(md, ["task", "cell", "init", "seed", "random init, final", "metric by steps", "steps to reach", "speedup"],
            speedups.Select(s => (IReadOnlyList<string>)
            [
                Title(s.Task), s.Cell.ToString(), s.Init, s.Seed.ToString(CultureInfo.InvariantCulture), SeedStat.Format(s.RandomFinal),
                string.Join(", ", s.Points.Select(p => $"{p.Steps}: {SeedStat.Format(p.Value)}")),
                s.StepsToReach?.ToString(CultureInfo.InvariantCulture) ?? $"not reached in {s.FullSteps}",
                s.Speedup is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) + "×" : "–",
            ]));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
