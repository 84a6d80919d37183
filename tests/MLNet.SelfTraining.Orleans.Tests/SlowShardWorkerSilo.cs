using MLNet.SelfTraining.Orleans.SiloHost;
using Orleans.TestingHost;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>A test silo whose shards take at least <see cref="SlowShardWorkerExecutor.Delay"/>, so a silo can go mid-run.</summary>
public sealed class SlowShardWorkerSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddSelfTrainingShardWorker<SlowShardWorkerExecutor>();
}
