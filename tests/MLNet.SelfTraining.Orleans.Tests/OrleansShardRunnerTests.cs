using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MLNet.SelfTraining.Sharding;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace MLNet.SelfTraining.Orleans.Tests;

[TestClass]
public sealed class OrleansShardRunnerTests
{
    private static TestCluster s_cluster = null!;

    [ClassInitialize]
    public static async Task StartCluster(TestContext context) => s_cluster = await TwoSiloCluster<RangeFileSilo>.StartAsync();

    [ClassCleanup]
    public static async Task StopCluster() => await s_cluster.DisposeAsync();

    [TestMethod]
    public async Task TwoSilos_ScoreEveryRowOnce_OnBothSilos()
    {
        using var job = RangeJob.Create(rows: 1000, TimeSpan.FromMilliseconds(300));
        var runner = await OrleansShardRunner.ForActiveSilosAsync(s_cluster.Client);

        var reports = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => runner.RunShardAsync(new ShardRequest(job.JobPath, i, 8), CancellationToken.None)));

        Assert.AreEqual(2, runner.Concurrency);
        CollectionAssert.AreEqual(Enumerable.Range(0, 8).ToArray(), reports.Select(r => r.ShardIndex).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 1000).Select(i => (long)i).ToArray(), job.ReadAllRows(8));
        Assert.HasCount(0, job.StrayFiles(8));
        Assert.AreEqual(1000, reports.Sum(r => r.Outcome.RowsWritten));
        Assert.AreEqual(2, reports.Select(r => r.Silo).Distinct().Count(), "the shards should spread over both silos");
    }

    [TestMethod]
    public async Task CancelledToken_StopsTheShardOnItsSilo()
    {
        using var job = RangeJob.Create(rows: 10, TimeSpan.FromSeconds(60));
        var runner = new OrleansShardRunner(s_cluster.Client, concurrency: 2);
        using var cancellation = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var call = runner.RunAsync(new ShardRequest(job.JobPath, 0, 1), cancellation.Token);
        await ShardStarts.WaitAsync(job.Folder, port: null);
        cancellation.Cancel();

        await Assert.ThrowsAsync<OperationCanceledException>(() => call);
        Assert.IsLessThan(TimeSpan.FromSeconds(20), clock.Elapsed);
        await WaitForFileAsync(RangeJob.CancelledMarker(job.Folder, 0));
        Assert.IsFalse(File.Exists(RangeJob.ShardFile(job.Folder, 0, 1)));
        Assert.HasCount(0, job.StrayFiles(1));
    }

    [TestMethod]
    public async Task TokenCancelledBeforeTheCall_ThrowsWithoutStartingTheShard()
    {
        using var job = RangeJob.Create(rows: 10, TimeSpan.Zero);
        var runner = new OrleansShardRunner(s_cluster.Client, concurrency: 2);

        await Assert.ThrowsAsync<OperationCanceledException>(() => runner.RunAsync(new ShardRequest(job.JobPath, 0, 1), new CancellationToken(canceled: true)));

        Assert.HasCount(0, Directory.GetFiles(job.Folder, "started-*"));
    }

    [TestMethod]
    public async Task ShardOverItsTimeout_FailsWithATimeoutNamingTheShard()
    {
        using var job = RangeJob.Create(rows: 10, TimeSpan.FromSeconds(60));
        var runner = new OrleansShardRunner(s_cluster.Client, concurrency: 2, shardTimeout: TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => runner.RunAsync(new ShardRequest(job.JobPath, 1, 3), CancellationToken.None));

        StringAssert.Contains(error.Message, "Shard 1 of 3");
        StringAssert.Contains(error.Message, job.JobPath);
        await WaitForFileAsync(RangeJob.CancelledMarker(job.Folder, 1));
    }

    /// <summary>Waits for a file the silo writes (up to 10 s).</summary>
    private static async Task WaitForFileAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(10), clock.Elapsed, $"'{path}' was not written: the silo did not see the cancellation");
            await Task.Delay(20);
        }
    }

    [TestMethod]
    public void ShardRequest_RoundTripsThroughOrleansSerializer_AndCopier()
    {
        var request = new ShardRequest("/shared/jobs/job.json", 4, 9);
        var services = s_cluster.Client.ServiceProvider;

        var serializer = services.GetRequiredService<Serializer>();
        var copied = services.GetRequiredService<DeepCopier>().Copy(request);

        Assert.AreEqual(request, serializer.Deserialize<ShardRequest>(serializer.SerializeToArray(request)));
        Assert.AreEqual(request, copied);
    }

    [TestMethod]
    public void ConcurrencyBelowOne_IsRefusedNamingTheParameter()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new OrleansShardRunner(s_cluster.Client, concurrency: 0));
        Assert.AreEqual("concurrency", error.ParamName);
    }

    [TestMethod]
    public void TimeoutAboveTheGrainMethodsResponseTimeout_IsRefused()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new OrleansShardRunner(s_cluster.Client, 1, TimeSpan.FromDays(2)));
        Assert.AreEqual("shardTimeout", error.ParamName);
    }

    [TestMethod]
    public async Task ShardOutsideItsJob_IsRefusedBeforeAnyCall()
    {
        var runner = new OrleansShardRunner(s_cluster.Client, 1);

        var error = await Assert.ThrowsExactlyAsync<ArgumentOutOfRangeException>(() => runner.RunAsync(new ShardRequest("job.json", 3, 3), CancellationToken.None));

        StringAssert.Contains(error.Message, "got shard 3 of 3");
    }
}
