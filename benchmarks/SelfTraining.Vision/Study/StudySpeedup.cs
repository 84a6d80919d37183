namespace SelfTraining.Vision.Study;

/// <summary>
/// Fine-tuning speedup of one pre-trained init in one cell and seed: its test metric at each step budget (the shorter
/// speedup runs and the arm itself), random init's final metric, the fewest steps that reach it and full steps / those.
/// </summary>
/// <param name="Task">The task.</param>
/// <param name="Cell">The cell.</param>
/// <param name="Init">The pre-trained init.</param>
/// <param name="Seed">The seed (random init's run of the same seed is the target).</param>
/// <param name="RandomFinal">Random init's metric after the full budget.</param>
/// <param name="Points">The init's metric per step budget, ascending.</param>
/// <param name="FullSteps">The full budget.</param>
internal sealed record StudySpeedup(string Task, StudyCell Cell, string Init, int Seed, double RandomFinal, IReadOnlyList<(int Steps, double Value)> Points, int FullSteps)
{
    /// <summary>Where the speedup of the paper is said to lie (1.3× to 8×).</summary>
    public const double PaperLow = 1.3, PaperHigh = 8;

    /// <summary>The fewest steps whose metric is at least random init's final one; <see langword="null"/> when not reached.</summary>
    public int? StepsToReach => Points.Where(p => p.Value >= RandomFinal).Select(p => (int?)p.Steps).Min();

    /// <summary>Full steps / <see cref="StepsToReach"/>; <see langword="null"/> when not reached.</summary>
    public double? Speedup => StepsToReach is { } steps ? (double)FullSteps / steps : null;

    /// <summary>Every speedup of <paramref name="results"/>: per task, cell, pre-trained init and seed that has shorter runs.</summary>
    public static IReadOnlyList<StudySpeedup> All(StudyResults results) =>
    [
        .. from run in results.ShortRuns
           group run by (Task: run.Task!, Cell: run.Cell(), run.Init, run.Seed) into g
           orderby g.Key.Task, g.Key.Cell.Policy, g.Key.Cell.Labeled, g.Key.Init, g.Key.Seed
           let full = results.Runs(g.Key.Task, g.Key.Cell, g.Key.Init).Where(r => r.Seed == g.Key.Seed)
           let random = results.Runs(g.Key.Task, g.Key.Cell, StudyArm.RandomInit).SingleOrDefault(r => r.Seed == g.Key.Seed)
           where random is not null
           select new StudySpeedup(g.Key.Task, g.Key.Cell, g.Key.Init, g.Key.Seed, random.Value!.Value,
               [.. g.Concat(full).OrderBy(r => r.Steps).Select(r => (r.Steps, r.Value!.Value))], results.FullSteps),
    ];
}
