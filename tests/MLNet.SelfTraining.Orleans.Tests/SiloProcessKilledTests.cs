using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MLNet.SelfTraining.Orleans.SiloHost;
using MLNet.SelfTraining.Sharding;
using Orleans.Configuration;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>
/// A silo process killed mid-shard (a crash: no shutdown): the coordinator, hosted with the primary silo of a localhost
/// cluster, retries its shards on the primary and the shard set is whole and equal to single-process scoring.
/// </summary>
[TestClass]
public sealed class SiloProcessKilledTests
{
    private const int Rows = 6000;
    private const int Shards = 6;

    [TestMethod]
    public async Task SiloProcessKilledMidShard_ItsShardsAreRetried_AndTheSetEqualsSingleProcessScoring()
    {
        var primaryPort = SiloProcess.FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(primaryPort, SiloProcess.FreePort())
            .Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.NumMissedProbesLimit, o.NumVotesForDeathDeclaration) = (TimeSpan.FromSeconds(1), 2, 1))
            .AddSelfTrainingShardWorker<SlowShardWorkerExecutor>());
        using var primary = builder.Build();
        await primary.StartAsync();
        using var job = ScoringJob.Create(Rows, Shards);
        var grains = primary.Services.GetRequiredService<IGrainFactory>();

        using (var secondary = SiloProcess.Start(primaryPort))
        {
            await WaitForSilosAsync(grains, 2, secondary);
            var runner = new RecordingRunner(new OrleansShardRunner(grains, concurrency: 4, siloCheckInterval: TimeSpan.FromMilliseconds(200)));

            var run = ShardCoordinator.RunAsync(job.JobPath, runner, maximumAttempts: 3, CancellationToken.None);
            await ShardStarts.WaitAsync(SlowShardWorkerExecutor.AttemptsFolder(job.JobPath), secondary.SiloPort);
            secondary.Kill();
            var set = await run;

            job.AssertEqualsSingleProcess(set);
            Assert.IsNotEmpty(runner.Failures, "a shard in flight in the killed process should have failed and been retried");
            job.AssertSiloLossFailures(runner.Failures);
        }

        await primary.StopAsync();
    }

    private static async Task WaitForSilosAsync(IGrainFactory grains, int count, SiloProcess process)
    {
        var clock = Stopwatch.StartNew();
        while ((await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count < count)
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(30), clock.Elapsed, $"the silo process did not join the cluster; its errors: {process.Errors}");
            await Task.Delay(100);
        }
    }
}
