namespace MLNet.SelfTraining.Orleans;

/// <summary>
/// The wire form of the core's <see cref="Sharding.ShardResult"/> (what a silo wrote for a shard), which cannot carry
/// Orleans attributes; <see cref="ShardResultConverter"/> maps between the two.
/// </summary>
[GenerateSerializer, Immutable]
internal readonly struct ShardResultSurrogate
{
    public ShardResultSurrogate(string shardFile, long rowsWritten, long rowsSkipped, bool reused, TimeSpan elapsed)
    {
        ShardFile = shardFile;
        RowsWritten = rowsWritten;
        RowsSkipped = rowsSkipped;
        Reused = reused;
        Elapsed = elapsed;
    }

    [Id(0)]
    public string ShardFile { get; }

    [Id(1)]
    public long RowsWritten { get; }

    [Id(2)]
    public long RowsSkipped { get; }

    [Id(3)]
    public bool Reused { get; }

    [Id(4)]
    public TimeSpan Elapsed { get; }
}
