using System.Diagnostics;
using MLNet.SelfTraining.Orleans;
using MLNet.SelfTraining.Sharding;
using Orleans.TestingHost;

namespace SelfTraining.Sharding;

/// <summary>
/// The Orleans arm (the body of a child process): an in-process test cluster of as many silos as the job has shards
/// (Microsoft.Orleans.TestingHost, loopback, as the Orleans tests use), started before the clock; every shard through
/// <see cref="OrleansShardRunner"/> with one shard in flight per silo, timed from the first call to the last shard written.
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

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, job.ShardCount).Select(i => runner.RunAsync(new ShardRequest(jobPath, i, job.ShardCount), CancellationToken.None)));
        var seconds = clock.Elapsed.TotalSeconds;
        return new ArmResult(Arm.Orleans(job.ShardCount).Name, 0, seconds, job.TotalRows, JobFolder.ShardBytes(jobPath));
    }
}
