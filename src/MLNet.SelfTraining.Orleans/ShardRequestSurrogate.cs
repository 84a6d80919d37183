namespace MLNet.SelfTraining.Orleans;

/// <summary>
/// The wire form of the core's <see cref="Sharding.ShardRequest"/>, which cannot carry Orleans attributes (the core does
/// not reference Orleans); <see cref="ShardRequestConverter"/> maps between the two.
/// </summary>
[GenerateSerializer, Immutable]
internal readonly struct ShardRequestSurrogate
{
    public ShardRequestSurrogate(string jobPath, int shardIndex, int shardCount)
    {
        JobPath = jobPath;
        ShardIndex = shardIndex;
        ShardCount = shardCount;
    }

    [Id(0)]
    public string JobPath { get; }

    [Id(1)]
    public int ShardIndex { get; }

    [Id(2)]
    public int ShardCount { get; }
}
