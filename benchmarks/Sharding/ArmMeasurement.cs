using System.Diagnostics;
using MLNet.SelfTraining.Sharding;

namespace SelfTraining.Sharding;

/// <summary>
/// Measures arms of one workload, repeats interleaved (repeat 1 of every arm, then repeat 2, …), each in a fresh job
/// folder under <paramref name="workFolder"/>: the in-process and Orleans arms in a child process of this program, the
/// tool's workers as processes of the built tool. The <c>read</c> arm reads the shard the <c>worker</c> arm before it wrote.
/// </summary>
internal sealed class ArmMeasurement(Workload workload, string workFolder, string toolDll)
{
    /// <summary>Every arm <paramref name="repeats"/> times, interleaved; progress on standard error.</summary>
    public List<ArmResult> Run(IReadOnlyList<Arm> arms, int repeats)
    {
        var results = new List<ArmResult>();
        for (int repeat = 1; repeat <= repeats; repeat++)
        {
            foreach (var arm in arms)
            {
                var result = Measure(arm) with { Repeat = repeat };
                Console.Error.WriteLine($"  {workload.Name}, {arm.Name}, run {repeat}: {result.Seconds:F2} s, {result.RowsPerSecond:N0} per s, {result.ShardBytes:N0} shard bytes"
                    + (arm.MeasuresCpu ? $", CPU {result.WorkerCpuLoad:P0}" : ""));
                results.Add(result);
            }
        }

        Directory.Delete(Path.Combine(workFolder, "jobs"), recursive: true);
        return results;
    }

    private ArmResult Measure(Arm arm)
    {
        var folder = Path.Combine(workFolder, "jobs", arm.Kind);
        return arm.Kind switch
        {
            "score" or "save" or "worker" => Child(arm, JobFolder.Plan(workload, folder, 1)),
            "read" => Child(arm, Path.Combine(workFolder, "jobs", "worker", "job.json")),
            "orleans" => Child(arm, JobFolder.Plan(workload, folder, arm.Shards)),
            "tool" => Tool(arm, JobFolder.Plan(workload, folder, arm.Shards), [ShardTool.Runner(toolDll, arm.Workers)]),
            "pinned" => Tool(arm, JobFolder.Plan(workload, folder, arm.Shards), [.. Enumerable.Range(0, arm.Workers).Select(core => ShardTool.PinnedRunner(toolDll, core))]),
            _ => throw new ArgumentException($"Unknown arm kind '{arm.Kind}'.", nameof(arm)),
        };
    }

    private static ArmResult Child(Arm arm, string jobPath) => ChildProcess.Run<ArmResult>(["arm-one", "--kind", arm.Kind, "--job", jobPath],
        arm.TieredPgo ? null : new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" }) with { Arm = arm.Name };

    /// <summary>
    /// Every shard through the runners at once, shard i through runner i mod runners (one runner keeps
    /// <see cref="Arm.Workers"/> in flight; the pinned arms have one runner per core); timed from the first start to the
    /// last shard written, with the worker processes' CPU time over the same span.
    /// </summary>
    private ArmResult Tool(Arm arm, string jobPath, IReadOnlyList<LocalProcessShardRunner> runners)
    {
        var cpu = ChildCpu.Seconds();
        var clock = Stopwatch.StartNew();
        Task.WhenAll(Enumerable.Range(0, arm.Shards).Select(i => runners[i % runners.Count].RunAsync(new ShardRequest(jobPath, i, arm.Shards), CancellationToken.None)))
            .GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        cpu = ChildCpu.Seconds() - cpu;
        return new ArmResult(arm.Name, 0, seconds, workload.Rows, JobFolder.ShardBytes(jobPath), cpu);
    }
}
