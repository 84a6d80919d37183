namespace SelfTraining.Sharding;

/// <summary>An arm's median over its repeats.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Repeats">The number of repeats.</param>
/// <param name="Seconds">The median wall time.</param>
/// <param name="MinimumSeconds">The fastest repeat.</param>
/// <param name="MaximumSeconds">The slowest repeat.</param>
/// <param name="Rows">Rows (or images) per repeat.</param>
/// <param name="ShardBytes">Shard data bytes written (the median; the same every repeat for a deterministic teacher).</param>
/// <param name="WorkerCpuLoad">The tool's arms: the workers' CPU time over wall time, the median (1 = one core busy throughout; 0 for the other arms).</param>
internal sealed record ArmSummary(Arm Arm, int Repeats, double Seconds, double MinimumSeconds, double MaximumSeconds, long Rows, long ShardBytes, double WorkerCpuLoad = 0)
{
    public double RowsPerSecond => Rows / Seconds;

    public double ShardBytesPerRow => Rows == 0 ? 0 : (double)ShardBytes / Rows;

    /// <summary>The medians of each arm's results.</summary>
    public static List<ArmSummary> Of(IReadOnlyList<Arm> arms, IReadOnlyList<ArmResult> results) =>
    [
        .. arms.Select(arm =>
        {
            var runs = results.Where(r => r.Arm == arm.Name).ToList();
            return new ArmSummary(arm, runs.Count, Stats.Median(runs.Select(r => r.Seconds)), runs.Min(r => r.Seconds), runs.Max(r => r.Seconds),
                runs[0].Rows, (long)Stats.Median(runs.Select(r => (double)r.ShardBytes)), Stats.Median(runs.Select(r => r.WorkerCpuLoad)));
        }),
    ];

    /// <summary>The summary of the arm named <paramref name="name"/>.</summary>
    public static ArmSummary Find(IEnumerable<ArmSummary> summaries, string name) => summaries.Single(s => s.Arm.Name == name);

    /// <summary>The summary of the arm named <paramref name="name"/>, or null when it was not measured (e.g. no <c>taskset</c>).</summary>
    public static ArmSummary? TryFind(IEnumerable<ArmSummary> summaries, string name) => summaries.SingleOrDefault(s => s.Arm.Name == name);
}
