using System.Text.RegularExpressions;
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

        AssertEqualsSingleProcess(job, set);
    }

    [TestMethod]
    public async Task SiloKilledMidRun_ItsShardsAreRetriedOnTheSurvivor_AndTheSetEqualsSingleProcessScoring()
    {
        await using var cluster = await TwoSiloCluster<SlowShardWorkerSilo>.StartAsync();
        using var job = ScoringJob.Create(Rows, Shards);

        var failures = await RunWithSecondaryGoingAsync(cluster, job, (c, silo) => c.KillSiloAsync(silo));

        Assert.IsNotEmpty(failures, "a shard in flight on the killed silo should have failed and been retried");
        foreach (var failure in failures)
        {
            StringAssert.Matches(failure.Message, new Regex($"^Shard \\d of {Shards} of the job '{Regex.Escape(job.JobPath)}' failed on the Orleans cluster \\(SiloUnavailableException\\)"));
        }
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

        AssertEqualsSingleProcess(job, set);
        return runner.Failures;
    }

    internal static void AssertEqualsSingleProcess(ScoringJob job, ShardSet set)
    {
        var expected = job.SingleProcessScores();
        var (rows, scores) = job.ShardSetScores(set);

        Assert.HasCount(Shards, set.Shards);
        CollectionAssert.AreEqual(Enumerable.Range(0, Rows).Select(i => (long)i).ToArray(), rows);
        Assert.HasCount(Rows, scores);
        for (int i = 0; i < Rows; i++)
        {
            CollectionAssert.AreEqual(expected[i], scores[i], $"row {i}");
        }

        Assert.HasCount(0, Directory.GetFiles(job.Folder, "*.tmp"), "no temporary file should be left");
    }
}
