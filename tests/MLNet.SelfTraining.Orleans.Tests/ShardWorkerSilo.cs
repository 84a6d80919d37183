using Orleans.TestingHost;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>A test silo with the default registration: the core's ShardWorker.</summary>
public sealed class ShardWorkerSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddSelfTrainingShardWorker();
}
