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
                Console.Error.WriteLine($"  {workload.Name}, {arm.Name}, run {repeat}: {result.Seconds:F2} s, {result.RowsPerSecond:N0} per s, {result.ShardBytes:N0} shard bytes");
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
            "tool" => Tool(arm, JobFolder.Plan(workload, folder, arm.Shards)),
            _ => throw new ArgumentException($"Unknown arm kind '{arm.Kind}'.", nameof(arm)),
        };
    }

    private static ArmResult Child(Arm arm, string jobPath) => ChildProcess.Run<ArmResult>(["arm-one", "--kind", arm.Kind, "--job", jobPath]);

    /// <summary>Every shard through the runner at once (it keeps <see cref="Arm.Workers"/> in flight); timed from the first start to the last shard written.</summary>
    private ArmResult Tool(Arm arm, string jobPath)
    {
        var runner = ShardTool.Runner(toolDll, arm.Workers);
        var clock = Stopwatch.StartNew();
        Task.WhenAll(Enumerable.Range(0, arm.Shards).Select(i => runner.RunAsync(new ShardRequest(jobPath, i, arm.Shards), CancellationToken.None)))
            .GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        return new ArmResult(arm.Name, 0, seconds, workload.Rows, JobFolder.ShardBytes(jobPath));
    }
}
