using System.Globalization;
using System.Text;
using SelfTraining.Vision.Study;

namespace SelfTraining.Sharding;

/// <summary>
/// The throughput table of a workload: each arm's time, rate, workers' CPU and shard bytes, and its speedup over one
/// worker; then the speedups of 2 workers unpinned and pinned one per core.
/// </summary>
internal static class ThroughputTable
{
    /// <param name="markdown">The report.</param>
    /// <param name="result">The workload's measurements.</param>
    /// <param name="arms">The arms of the table, in order (those not measured are left out).</param>
    /// <param name="unit">"rows" or "images".</param>
    /// <param name="first">The first table of the report: defines the CPU column and says why pinned arms are missing (when <see cref="Taskset"/> cannot run them).</param>
    public static void Append(StringBuilder markdown, WorkloadResult result, IReadOnlyList<Arm> arms, string unit, bool first = true)
    {
        var summaries = arms.Select(a => ArmSummary.TryFind(result.Summaries, a.Name)).OfType<ArmSummary>().ToList();
        var one = ArmSummary.Find(result.Summaries, Arm.Tool(1, 1).Name);
        MarkdownTable.Append(markdown, ["arm", "workers", "shards", "s, median (min–max)", $"{unit}/s", "× 1 worker, 1 shard", "CPU", $"shard bytes/{unit[..^1]}"],
            summaries.Select(s => (IReadOnlyList<string>)
            [
                s.Arm.Name, s.Arm.Kind is "tool" or "pinned" or "orleans" ? s.Arm.Workers.ToString(CultureInfo.InvariantCulture) : "in process",
                s.Arm.Kind is "tool" or "pinned" or "orleans" ? s.Arm.Shards.ToString(CultureInfo.InvariantCulture) : "–",
                Text.Seconds(s), Text.N(s.RowsPerSecond), Text.Ratio(one.Seconds / s.Seconds), s.Arm.MeasuresCpu ? Text.Percent(s.WorkerCpuLoad, 0) : "–",
                s.ShardBytes > 0 ? Text.PerItem(s.ShardBytesPerRow) : "–",
            ]));
        var two = ArmSummary.Find(result.Summaries, Arm.Tool(2, 2).Name);
        var oneOfTwo = ArmSummary.TryFind(result.Summaries, Arm.Tool(1, 2).Name);
        markdown.AppendLine($"**Speedup of 2 workers (2 shards) over 1 worker (1 shard), unpinned: {Text.Ratio(one.Seconds / two.Seconds)}** (the issue's goal: ≥ 0.9·n = 1.80×)"
            + (oneOfTwo is null ? "." : $"; over 1 worker running the same 2 shards: {Text.Ratio(oneOfTwo.Seconds / two.Seconds)}. "
                + $"Splitting the rows in 2 shards on 1 worker costs {Text.F(oneOfTwo.Seconds - one.Seconds)} s more than 1 shard: the fixed cost of a shard "
                + "(a process start, the teacher's load and checks, the inputs opened)."));
        markdown.AppendLine();
        markdown.AppendLine((first ? "CPU = user + system CPU time over the arm's wall time, of the worker processes (read from the benchmark's `/proc/self/stat` "
            + "children's times as they exit) or of the silos' process (100 % = one core busy throughout). " : "")
            + $"One unpinned worker uses {Text.Percent(one.WorkerCpuLoad, 0)} of a core: {(one.WorkerCpuLoad > 1.2 ? $"it is multi-threaded (ML.NET's binary writer compresses on several threads{(result.Workload.Task == "classification" ? "" : ", ONNX Runtime scores on its own threads")}, the teacher's pass and the reads run beside it)" : "it is close to one core")}, "
            + $"so on this {Environment.ProcessorCount}-core machine a second unpinned worker finds {Text.Percent(Math.Max(0, Environment.ProcessorCount - one.WorkerCpuLoad) / Environment.ProcessorCount, 0)} of the machine idle "
            + $"(2 workers together: {Text.Percent(two.WorkerCpuLoad, 0)}). The unpinned ratio measures spare cores, not the sharding.");
        markdown.AppendLine();

        var (pinnedOne, pinnedTwo) = (ArmSummary.TryFind(result.Summaries, Arm.Pinned(1).Name), ArmSummary.TryFind(result.Summaries, Arm.Pinned(2).Name));
        if (pinnedOne is not null && pinnedTwo is not null)
        {
            markdown.AppendLine($"**Per core: 2 workers pinned one per core over 1 worker pinned to one core: {Text.Ratio(pinnedOne.Seconds / pinnedTwo.Seconds)}** "
                + $"(the goal ≥ 0.9·n = 1.80×; {(pinnedOne.Seconds / pinnedTwo.Seconds >= 1.8 ? "met" : "not met")}). "
                + "The pinned arms give each worker one core of its own (`taskset -c i dotnet mlnet-selftraining.dll pseudo-label … --shard i/2`, "
                + "one `LocalProcessShardRunner` of 1 worker per core, both shards started at once by the benchmark: `LocalProcessShardRunner` cannot pin "
                + "per worker). This is what a batch engine does, one process (pod, task) per shard with its own CPU; it measures how the shards scale "
                + "with cores, which the unpinned arms on 2 cores cannot.");
            markdown.AppendLine();
        }
        else if (first && Taskset.Missing is { } missing)
        {
            markdown.AppendLine($"The pinned arms (workers one per core) were not measured: {missing}.");
            markdown.AppendLine();
        }
    }
}
