using MLNet.SelfTraining.Orleans;
using Orleans.TestingHost;

namespace SelfTraining.Sharding;

/// <summary>A silo of the in-process test cluster that runs shards with the core's ShardWorker (ONNX teachers' assemblies registered).</summary>
public sealed class BenchmarkSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddSelfTrainingShardWorker(InProcessArms.Configure);
}
