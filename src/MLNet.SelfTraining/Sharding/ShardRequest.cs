namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// One shard of a pseudo-labeling job: shard <see cref="ShardIndex"/> (0-based) of <see cref="ShardCount"/> of the
/// job described by the manifest at <see cref="JobPath"/>. Every worker that runs it needs that path (and the files
/// the job names) on its file system: a local folder for local processes, shared storage for machines.
/// </summary>
/// <param name="JobPath">The job manifest (<c>job.json</c>) written by the coordinator.</param>
/// <param name="ShardIndex">The shard to score, from 0 to <paramref name="ShardCount"/> − 1.</param>
/// <param name="ShardCount">The number of shards of the job.</param>
public sealed record ShardRequest(string JobPath, int ShardIndex, int ShardCount);
