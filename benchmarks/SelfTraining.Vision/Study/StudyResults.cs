using System.Text.Json;
using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision.Study;

/// <summary>
/// The results of a study folder and the figures of its tables, all read from the results themselves: the full step
/// budget is the arms' largest, the first table's rows are the policies at the largest labeled size, the second's the
/// labeled sizes at the strongest (highest) policy.
/// </summary>
internal sealed class StudyResults
{
    private readonly IReadOnlyList<StudyResult> _arms;

    public StudyResults(IReadOnlyList<StudyResult> all)
    {
        All = all;
        _arms = [.. all.Where(r => r.Kind == StudyRun.ArmKind)];
        FullSteps = _arms.Count == 0 ? 0 : _arms.Max(r => r.Steps);
        var fullLabeled = _arms.Count == 0 ? 0 : _arms.Max(r => r.Labeled!.Value);
        var strongest = _arms.Count == 0 ? AugmentationPolicy.None : _arms.Max(r => r.Policy!.Value);
        PolicyCells = [.. _arms.Select(r => r.Cell()).Where(c => c.Labeled == fullLabeled).Distinct().OrderBy(c => c.Policy)];
        SizeCells = [.. _arms.Select(r => r.Cell()).Where(c => c.Policy == strongest).Distinct().OrderBy(c => c.Labeled)];
        Cells = [.. PolicyCells.Concat(SizeCells).Distinct()];
        Tasks = [.. _arms.Select(r => r.Task!).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Every result, by run id.</summary>
    public IReadOnlyList<StudyResult> All { get; }

    /// <summary>The arms' step budget (the speedup runs have fewer).</summary>
    public int FullSteps { get; }

    /// <summary>The tasks.</summary>
    public IReadOnlyList<string> Tasks { get; }

    /// <summary>The first table's rows: every policy at the largest labeled size.</summary>
    public IReadOnlyList<StudyCell> PolicyCells { get; }

    /// <summary>The second table's rows: every labeled size at the strongest policy.</summary>
    public IReadOnlyList<StudyCell> SizeCells { get; }

    /// <summary>Every cell once.</summary>
    public IReadOnlyList<StudyCell> Cells { get; }

    /// <summary>Reads every <c>*.json</c> result of <paramref name="folder"/>.</summary>
    public static StudyResults Read(string folder) =>
        new([.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(file => JsonSerializer.Deserialize<StudyResult>(File.ReadAllText(file), Json.Options) ?? throw new InvalidDataException($"{file} is empty."))]);

    /// <summary>The runs of an arm in a cell (every seed), at <paramref name="steps"/> (default: the full budget).</summary>
    public IReadOnlyList<StudyResult> Runs(string task, StudyCell cell, string arm, int? steps = null) =>
        [.. _arms.Where(r => r.Task == task && r.Cell() == cell && r.Arm == arm && r.Steps == (steps ?? FullSteps)).OrderBy(r => r.Seed)];

    /// <summary>The arm's metric over seeds.</summary>
    public SeedStat? Value(string task, StudyCell cell, string arm) => SeedStat.Of(Runs(task, cell, arm).Select(r => r.Value!.Value));

    /// <summary>The arm's metric minus random init's, seed by seed, over the seeds both have.</summary>
    public SeedStat? Delta(string task, StudyCell cell, string arm) =>
        SeedStat.Of(
            from run in Runs(task, cell, arm)
            join random in Runs(task, cell, StudyArm.RandomInit) on run.Seed equals random.Seed
            select run.Value!.Value - random.Value!.Value);

    /// <summary>The speedup runs: arms with fewer steps than the full budget.</summary>
    public IEnumerable<StudyResult> ShortRuns => _arms.Where(r => r.Steps < FullSteps);

    /// <summary>The metric's name of <paramref name="task"/>.</summary>
    public string Metric(string task) => _arms.First(r => r.Task == task).Metric!;
}
