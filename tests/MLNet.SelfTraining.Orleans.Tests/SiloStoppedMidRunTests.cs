using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.TestingHost;

namespace MLNet.SelfTraining.Orleans.Tests;

[TestClass]
public sealed class SiloStoppedMidRunTests
{
    private const int Rows = 1200;
    private const int Shards = 12;

    [TestMethod]
    public async Task SiloStoppedWhileShardsRun_ItsShardsInFlightFinish_EveryRowOnce()
    {
        await using var cluster = await TwoSiloCluster.StartAsync();
        var secondary = cluster.SecondarySilos[0].SiloAddress.ToString();

        var (job, result) = await RunWithSecondaryGoingAsync(cluster, (c, silo) => c.StopSiloAsync(silo));

        using (job)
        {
            AssertEveryRowOnce(job, result);
            Assert.Contains(r => r.Silo == secondary, result.Reports, "the stopped silo should finish the shards it was running");
        }
    }

    [TestMethod]
    public async Task SiloKilledWhileShardsRun_ItsShardsAreRetriedOnTheSurvivor_EveryRowOnce()
    {
        await using var cluster = await TwoSiloCluster.StartAsync();

        var (job, result) = await RunWithSecondaryGoingAsync(cluster, (c, silo) => c.KillSiloAsync(silo));

        using (job)
        {
            AssertEveryRowOnce(job, result);
            Assert.IsNotEmpty(result.Failures, "a shard in flight on the killed silo should have failed and been retried");
            foreach (var failure in result.Failures)
            {
                StringAssert.Matches(failure.Message, new Regex($"^Shard \\d+ of {Shards} of the job '{Regex.Escape(job.JobPath)}' failed on the Orleans cluster \\(SiloUnavailableException\\)"));
            }

            Assert.IsNotNull(cluster.Primary);
            var survivor = cluster.Primary.SiloAddress.ToString();
            var failedShards = result.Failures.Select(f => int.Parse(f.Message.Split(' ')[1], CultureInfo.InvariantCulture)).ToHashSet();
            Assert.IsTrue(result.Reports.Where(r => failedShards.Contains(r.ShardIndex)).All(r => r.Silo == survivor), "a retried shard should run on the surviving silo");
        }
    }

    /// <summary>Scores the shards, 4 in flight over the 2 silos, and takes the secondary away once a shard runs on it.</summary>
    private static async Task<(RangeJob Job, ShardLoopResult Result)> RunWithSecondaryGoingAsync(TestCluster cluster, Func<TestCluster, SiloHandle, Task> leave)
    {
        var job = RangeJob.Create(Rows, TimeSpan.FromMilliseconds(1500));
        var runner = new OrleansShardRunner(cluster.Client, concurrency: 4, siloCheckInterval: TimeSpan.FromMilliseconds(200));
        var secondary = cluster.SecondarySilos[0];

        var run = ShardRetryLoop.RunAsync(runner, job.JobPath, Shards, maximumAttempts: 3, CancellationToken.None);
        await OrleansShardRunnerTests.WaitForStartAsync(job.Folder, secondary.SiloAddress.Endpoint.Port);
        await leave(cluster, secondary);
        return (job, await run);
    }

    private static void AssertEveryRowOnce(RangeJob job, ShardLoopResult result)
    {
        Assert.HasCount(Shards, result.Reports);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, Shards).ToArray(), result.Reports.Select(r => r.ShardIndex).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, Rows).Select(i => (long)i).ToArray(), job.ReadAllRows(Shards));
        Assert.HasCount(0, job.StrayFiles(Shards));
    }
}
