namespace MLNet.SelfTraining.Orleans;

/// <summary>What an <see cref="IShardExecutor"/> reports for a shard it ran: small, so it crosses the cluster cheaply.</summary>
/// <param name="ShardFile">The shard's data file, as the silo sees it.</param>
/// <param name="RowsWritten">Rows scored and written.</param>
/// <param name="RowsSkipped">Rows of the shard's range left out (the job's skip bitmap).</param>
/// <param name="Reused">True when a valid output of an earlier run was found and nothing was scored.</param>
/// <param name="Elapsed">Time the silo spent on the shard.</param>
[GenerateSerializer, Immutable]
public sealed record ShardOutcome(
    [property: Id(0)] string ShardFile,
    [property: Id(1)] long RowsWritten,
    [property: Id(2)] long RowsSkipped,
    [property: Id(3)] bool Reused,
    [property: Id(4)] TimeSpan Elapsed);
