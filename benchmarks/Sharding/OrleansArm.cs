using System.Diagnostics;
using MLNet.SelfTraining.Orleans;
using MLNet.SelfTraining.Sharding;
using Orleans.TestingHost;

namespace SelfTraining.Sharding;

/// <summary>
/// The Orleans arm (the body of a child process): an in-process test cluster of as many silos as the job has shards
/// (Microsoft.Orleans.TestingHost, loopback, as the Orleans tests use), started before the clock; every shard through
/// <see cref="OrleansShardRunner"/> with one shard in flight per silo, timed from the first call to the last shard written,
/// with the process's CPU time over the same span. On standard error: a <see cref="RuntimeProbe"/> line (CPU, thread pool,
/// collections) and each shard's silo and <c>ShardWorker</c> time, which diagnosed the 2 silos' slowdown under dynamic PGO.
/// </summary>
internal static class OrleansArm
{
    public static async Task<ArmResult> RunAsync(string jobPath)
    {
        jobPath = Path.GetFullPath(jobPath);
        var job = ShardJob.Read(jobPath);

        // The test cluster writes its silos' logs to logs/ under the current folder: the job's folder, deleted with it.
        Environment.CurrentDirectory = Path.GetDirectoryName(jobPath)!;
        var builder = new TestClusterBuilder((short)job.ShardCount);
        builder.AddSiloBuilderConfigurator<BenchmarkSilo>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var runner = new OrleansShardRunner(cluster.Client, concurrency: job.ShardCount);

        using var probe = new RuntimeProbe();
        var clock = Stopwatch.StartNew();
        var reports = await Task.WhenAll(Enumerable.Range(0, job.ShardCount).Select(async i =>
        {
            var report = await runner.RunShardAsync(new ShardRequest(jobPath, i, job.ShardCount), CancellationToken.None);
            return (Report: report, Done: clock.Elapsed.TotalSeconds);
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = probe.CpuSeconds;
        Console.Error.WriteLine($"    {probe.Summary(seconds)}");
        foreach (var (report, done) in reports)
        {
            Console.Error.WriteLine($"    shard {report.ShardIndex}/{report.ShardCount} on {report.Silo}: ShardWorker {report.Outcome.Elapsed.TotalSeconds:F2} s, done at {done:F2} s");
        }

        return new ArmResult(Arm.Orleans(job.ShardCount).Name, 0, seconds, job.TotalRows, JobFolder.ShardBytes(jobPath), cpu);
    }
}
