using System.Globalization;

namespace SelfTraining.Vision.Study;

/// <summary>
/// The paper's findings tested on one task, each by an explicit rule over the tables' figures (Δ = an arm's metric minus
/// random init's, seed by seed; "pre-training" = the supervised pre-trained init). A comparison within the seeds'
/// half-ranges is marked "within noise" (known only where two seeds exist).
/// </summary>
internal static class StudyFindings
{
    public static IReadOnlyList<StudyFinding> Of(StudyResults results, string task, string title, IReadOnlyList<StudySpeedup> speedups) =>
    [
        PretrainingShrinks(results, task, title),
        SelfTrainingHelps(results, task, title),
        SelfTrainingAddsToPretraining(results, task, title),
        SimClrLikeSupervised(results, task, title),
        SpeedupInRange(title, [.. speedups.Where(s => s.Task == task)]),
    ];

    /// <summary>F1: supervised pre-training's Δ shrinks from the weakest to the strongest policy (largest labeled size) and from the smallest to the largest labeled size (strongest policy).</summary>
    private static StudyFinding PretrainingShrinks(StudyResults results, string task, string title)
    {
        var pairs = Ends(results.PolicyCells).Concat(Ends(results.SizeCells)).ToList();
        var evidence = new List<string>();
        var holding = 0;
        foreach (var (from, to) in pairs)
        {
            if (results.Delta(task, from, StudyArm.SupervisedInit) is not { } a || results.Delta(task, to, StudyArm.SupervisedInit) is not { } b)
            {
                continue;
            }

            var shrinks = b.Mean < a.Mean;
            holding += shrinks ? 1 : 0;
            evidence.Add($"Δ {from} {a.Points(true)} → Δ {to} {b.Points(true)}: change {SeedStat.Format(b.Mean - a.Mean, true)}, "
                + (shrinks ? "shrinks" : "does not shrink") + (b.Mean < 0 ? $" (negative at {to})" : "") + Noise(SeedStat.Overlap(a, b)));
        }

        return new("F1", "stronger augmentation and more labeled data diminish the value of pre-training, even to hurting", title, $"pre-training's Δ is smaller at the second cell than at the first, for {string.Join(" and ", pairs.Select(p => $"{p.From} → {p.To}"))}",
            StudyFinding.VerdictOf(holding, evidence.Count), evidence);
    }

    /// <summary>F2: self-training's Δ is positive at the strongest policy at the smallest and the largest labeled size.</summary>
    private static StudyFinding SelfTrainingHelps(StudyResults results, string task, string title)
    {
        IReadOnlyList<StudyCell> cells = results.SizeCells.Count > 1 ? [results.SizeCells[0], results.SizeCells[^1]] : results.SizeCells;
        var evidence = new List<string>();
        var holding = 0;
        foreach (var cell in cells)
        {
            if (results.Delta(task, cell, StudyArm.SelfTrain.Name) is { } delta)
            {
                holding += delta.Mean > 0 ? 1 : 0;
                evidence.Add($"Δ self-training {cell} {delta.Points(true)}: {(delta.Mean > 0 ? "> 0" : "≤ 0")}{Noise(delta.IsNoise)}"
                    + Untrained(results, task, cell, StudyArm.SelfTrain));
            }
        }

        return new("F2", "self-training helps with strong augmentation, with little and with much labeled data", title, $"self-training's Δ > 0 at {string.Join(" and at ", cells)}", StudyFinding.VerdictOf(holding, evidence.Count), evidence);
    }

    /// <summary>F3: where supervised pre-training helps (Δ > 0), pre-training + self-training beats it.</summary>
    private static StudyFinding SelfTrainingAddsToPretraining(StudyResults results, string task, string title)
    {
        var evidence = new List<string>();
        var holding = 0;
        foreach (var cell in results.Cells)
        {
            if (results.Delta(task, cell, StudyArm.SupervisedInit) is { Mean: > 0 } && results.Value(task, cell, StudyArm.SupervisedInit) is { } supervised
                && results.Value(task, cell, StudyArm.PretrainSelfTrain.Name) is { } both)
            {
                holding += both.Mean > supervised.Mean ? 1 : 0;
                evidence.Add($"{cell}: pre-training + self-training {both.Points()} vs pre-training {supervised.Points()}: "
                    + $"{SeedStat.Format(both.Mean - supervised.Mean, true)}{Noise(SeedStat.Overlap(both, supervised))}"
                    + Untrained(results, task, cell, StudyArm.PretrainSelfTrain));
            }
        }

        return new("F3", "where pre-training helps, self-training improves on it", title, "in every cell where pre-training's Δ > 0, pre-training + self-training > pre-training (not testable if there is no such cell)",
            StudyFinding.VerdictOf(holding, evidence.Count), evidence);
    }

    /// <summary>F4: SimCLR pre-training's Δ has the sign of supervised pre-training's, cell by cell.</summary>
    private static StudyFinding SimClrLikeSupervised(StudyResults results, string task, string title)
    {
        var evidence = new List<string>();
        var holding = 0;
        foreach (var cell in results.Cells)
        {
            if (results.Delta(task, cell, StudyArm.SimClrInit) is { } simClr && results.Delta(task, cell, StudyArm.SupervisedInit) is { } supervised)
            {
                var same = Math.Sign(simClr.Mean) == Math.Sign(supervised.Mean);
                holding += same ? 1 : 0;
                evidence.Add($"{cell}: Δ SimCLR {simClr.Points(true)}, Δ supervised {supervised.Points(true)}: {(same ? "same sign" : "opposite signs")}"
                    + Noise(simClr.IsNoise || supervised.IsNoise));
            }
        }

        return new("F4", "self-supervised (SimCLR) pre-training behaves like supervised pre-training", title, $"Δ SimCLR has the sign of Δ supervised in every cell ({holding} of {evidence.Count} cells)",
            StudyFinding.VerdictOf(holding, evidence.Count), evidence);
    }

    /// <summary>F5: every pre-trained init's speedup lies within the paper's 1.3×–8×.</summary>
    private static StudyFinding SpeedupInRange(string title, IReadOnlyList<StudySpeedup> speedups)
    {
        var evidence = speedups.Select(s => $"{s.Cell} {s.Init} (seed {s.Seed}): "
            + (s.Speedup is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x:0.0}× ({s.StepsToReach} steps)") : $"not reached in {s.FullSteps} steps")).ToList();
        var holding = speedups.Count(s => s.Speedup is >= StudySpeedup.PaperLow and <= StudySpeedup.PaperHigh);
        var budgets = speedups.FirstOrDefault()?.Points.Select(p => p.Steps) ?? [];
        return new("F5", "fine-tuning from a pre-trained backbone is 1.3×–8× faster than training from scratch", title, string.Create(CultureInfo.InvariantCulture,
                $"each pre-trained init's speedup (full steps / fewest steps reaching random init's final metric) is within {StudySpeedup.PaperLow}×–{StudySpeedup.PaperHigh}×; the budgets measured ({string.Join(", ", budgets)} steps) bound what can be seen"),
            StudyFinding.VerdictOf(holding, evidence.Count), evidence);
    }

    /// <summary>The first and last cell of <paramref name="cells"/> (none for fewer than two).</summary>
    private static IEnumerable<(StudyCell From, StudyCell To)> Ends(IReadOnlyList<StudyCell> cells) => cells.Count > 1 ? [(cells[0], cells[^1])] : [];

    private static string Noise(bool within) => within ? " (within noise)" : "";

    /// <summary>A note when a self-training arm trained no student (its teacher left no pseudo label and stayed the model) in some seeds.</summary>
    private static string Untrained(StudyResults results, string task, StudyCell cell, StudyArm arm)
    {
        var runs = results.Runs(task, cell, arm.Name);
        var untrained = runs.Count(r => r.StudentTrained == false);
        return untrained == 0 ? "" : $" (no student trained in {untrained} of {runs.Count} seeds: no pseudo label, the teacher stayed the model)";
    }
}
