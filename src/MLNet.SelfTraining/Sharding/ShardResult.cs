namespace MLNet.SelfTraining.Sharding;

/// <summary>What <see cref="ShardWorker.Run"/> did for one shard.</summary>
/// <param name="ShardFile">The shard's data file (its manifest is beside it, same name with <c>.json</c>).</param>
/// <param name="RowsWritten">The rows scored and written.</param>
/// <param name="RowsSkipped">The rows of the range the job's skip bitmap excluded.</param>
/// <param name="Reused">Whether a valid shard of the same job and range was already there, so nothing was scored.</param>
/// <param name="Elapsed">The time the call took.</param>
public sealed record ShardResult(string ShardFile, long RowsWritten, long RowsSkipped, bool Reused, TimeSpan Elapsed);
