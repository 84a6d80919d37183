using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans;

/// <summary>The answer of <see cref="IPseudoLabelShardGrain.RunAsync"/>: which shard, where it ran, what it wrote.</summary>
/// <param name="ShardIndex">The shard's index.</param>
/// <param name="ShardCount">The job's number of shards.</param>
/// <param name="Silo">The address of the silo that ran it.</param>
/// <param name="Outcome">What the silo's executor reported.</param>
[GenerateSerializer, Immutable]
public sealed record ShardReport(
    [property: Id(0)] int ShardIndex,
    [property: Id(1)] int ShardCount,
    [property: Id(2)] string Silo,
    [property: Id(3)] ShardResult Outcome);
