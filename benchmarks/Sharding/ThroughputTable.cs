using System.Globalization;
using System.Text;
using SelfTraining.Vision.Study;

namespace SelfTraining.Sharding;

/// <summary>The throughput table of a workload: each arm's time, rate and shard bytes, and its speedup over one worker.</summary>
internal static class ThroughputTable
{
    public static void Append(StringBuilder markdown, WorkloadResult result, IReadOnlyList<Arm> arms, string unit)
    {
        var summaries = arms.Select(a => ArmSummary.Find(result.Summaries, a.Name)).ToList();
        var one = ArmSummary.Find(result.Summaries, Arm.Tool(1, 1).Name);
        MarkdownTable.Append(markdown, ["arm", "workers", "shards", "s, median (min–max)", $"{unit}/s", "× 1 worker, 1 shard", $"shard bytes/{unit[..^1]}"],
            summaries.Select(s => (IReadOnlyList<string>)
            [
                s.Arm.Name, s.Arm.Kind is "tool" or "orleans" ? s.Arm.Workers.ToString(CultureInfo.InvariantCulture) : "in process",
                s.Arm.Kind is "tool" or "orleans" ? s.Arm.Shards.ToString(CultureInfo.InvariantCulture) : "–",
                Text.Seconds(s), Text.N(s.RowsPerSecond), Text.Ratio(one.Seconds / s.Seconds), s.ShardBytes > 0 ? Text.PerItem(s.ShardBytesPerRow) : "–",
            ]));
        var two = ArmSummary.Find(result.Summaries, Arm.Tool(2, 2).Name);
        var oneOfTwo = result.Summaries.SingleOrDefault(s => s.Arm.Name == Arm.Tool(1, 2).Name);
        markdown.AppendLine($"**Speedup of 2 workers (2 shards) over 1 worker (1 shard): {Text.Ratio(one.Seconds / two.Seconds)}** (the issue's goal: ≥ 0.9·n = 1.80×)"
            + (oneOfTwo is null ? "." : $"; over 1 worker running the same 2 shards: {Text.Ratio(oneOfTwo.Seconds / two.Seconds)}. "
                + $"Splitting the rows in 2 shards on 1 worker costs {Text.F(oneOfTwo.Seconds - one.Seconds)} s more than 1 shard: the fixed cost of a shard "
                + "(a process start, the teacher's load and checks, the inputs opened)."));
        markdown.AppendLine();
    }
}
