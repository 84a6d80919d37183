using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans;

/// <summary>
/// What a silo runs for a shard: resolved from the silo's services by <see cref="IPseudoLabelShardGrain"/>, registered
/// by <c>AddSelfTrainingShardWorker</c>. It must write the shard's output atomically (a failed or cancelled run leaves
/// nothing a reader accepts) and be idempotent, because a shard whose call failed is run again, possibly while an
/// earlier attempt is still finishing on another silo.
/// </summary>
public interface IShardExecutor
{
    /// <summary>Runs the shard to completion on this silo.</summary>
    /// <param name="request">The shard.</param>
    /// <param name="cancellation">Cancelled when the caller gives up on the shard.</param>
    /// <returns>What was written.</returns>
    Task<ShardResult> RunAsync(ShardRequest request, CancellationToken cancellation);
}
