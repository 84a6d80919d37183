namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// An engine that runs pseudo-labeling shards somewhere: local processes, an Orleans cluster, a batch system. The
/// coordinator calls <see cref="RunAsync"/> for different shards concurrently, up to <see cref="Concurrency"/> at once,
/// and retries a shard whose call fails; a shard's output is written atomically by the worker, so a call that fails
/// half-way leaves nothing a reader accepts.
/// </summary>
public interface IShardRunner
{
    /// <summary>How many shards the engine scores at once (the coordinator keeps that many in flight); at least 1.</summary>
    int Concurrency { get; }

    /// <summary>
    /// Runs one shard to completion: returns when the worker has written the shard's output and manifest, throws when
    /// it could not (the exception names the shard and what failed).
    /// </summary>
    /// <param name="request">The shard.</param>
    /// <param name="cancellation">Stops waiting for the shard and, where the engine can, the worker.</param>
    Task RunAsync(ShardRequest request, CancellationToken cancellation);
}
