using Orleans.TestingHost;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>Configures each test silo to run shards with <see cref="RangeFileExecutor"/>.</summary>
public sealed class RangeFileSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddSelfTrainingShardWorker<RangeFileExecutor>();
}
