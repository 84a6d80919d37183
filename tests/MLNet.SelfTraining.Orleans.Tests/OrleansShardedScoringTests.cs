using MLNet.SelfTraining.Orleans.SiloHost;
using MLNet.SelfTraining.Sharding;
using Orleans.TestingHost;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>
/// The whole path on two in-process silos: a job of a real ML.NET teacher over unlabeled .idv rows, the core's
/// coordinator running its shards through <see cref="OrleansShardRunner"/>, the shard set read back.
/// </summary>
[TestClass]
public sealed class OrleansShardedScoringTests
{
    private const int Rows = 6000;
    private const int Shards = 6;

    [TestMethod]
    public async Task TwoSilos_TheShardSetEqualsSingleProcessScoring()
    {
        await using var cluster = await TwoSiloCluster<ShardWorkerSilo>.StartAsync();
        using var job = ScoringJob.Create(Rows, Shards);
        var runner = await OrleansShardRunner.ForActiveSilosAsync(cluster.Client);

        var set = await ShardCoordinator.RunAsync(job.JobPath, runner, maximumAttempts: 1, CancellationToken.None);

        job.AssertEqualsSingleProcess(set);
    }

    [TestMethod]
    public async Task SiloKilledMidRun_ItsShardsAreRetriedOnTheSurvivor_AndTheSetEqualsSingleProcessScoring()
    {
        await using var cluster = await TwoSiloCluster<SlowShardWorkerSilo>.StartAsync();
        using var job = ScoringJob.Create(Rows, Shards);

        var failures = await RunWithSecondaryGoingAsync(cluster, job, (c, silo) => c.KillSiloAsync(silo));

        Assert.IsNotEmpty(failures, "a shard in flight on the killed silo should have failed and been retried");
        job.AssertSiloLossFailures(failures);
    }

    [TestMethod]
    public async Task SiloStoppedMidRun_FinishesItsShardsInFlight_AndTheSetEqualsSingleProcessScoring()
    {
        await using var cluster = await TwoSiloCluster<SlowShardWorkerSilo>.StartAsync();
        using var job = ScoringJob.Create(Rows, Shards);

        var failures = await RunWithSecondaryGoingAsync(cluster, job, (c, silo) => c.StopSiloAsync(silo));

        Assert.IsEmpty(failures, "a silo stopped gracefully should finish the shards it runs");
    }

    /// <summary>
    /// Runs the job through the coordinator (4 shards in flight on 2 silos, 3 attempts), takes the secondary silo away
    /// once a shard runs on it, checks the set against single-process scoring and returns the calls that failed.
    /// </summary>
    private static async Task<IReadOnlyCollection<Exception>> RunWithSecondaryGoingAsync(TestCluster cluster, ScoringJob job, Func<TestCluster, SiloHandle, Task> leave)
    {
        var runner = new RecordingRunner(new OrleansShardRunner(cluster.Client, concurrency: 4, siloCheckInterval: TimeSpan.FromMilliseconds(200)));
        var secondary = cluster.SecondarySilos[0];

        var run = ShardCoordinator.RunAsync(job.JobPath, runner, maximumAttempts: 3, CancellationToken.None);
        await ShardStarts.WaitAsync(SlowShardWorkerExecutor.AttemptsFolder(job.JobPath), secondary.SiloAddress.Endpoint.Port);
        await leave(cluster, secondary);
        var set = await run;

        job.AssertEqualsSingleProcess(set);
        return runner.Failures;
    }
}
