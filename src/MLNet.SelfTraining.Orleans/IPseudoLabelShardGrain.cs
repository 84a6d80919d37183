using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans;

/// <summary>
/// The grain that scores one pseudo-labeling shard on the silo it is activated on, with the silo's
/// <see cref="IShardExecutor"/> (registered by <c>AddSelfTrainingShardWorker</c>). <see cref="OrleansShardRunner"/>
/// calls a fresh grain (a new key) per call, so a retried shard is placed anew on a silo that is alive.
/// </summary>
public interface IPseudoLabelShardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Activates the grain and tells on which silo: the runner watches that silo's membership status while the shard
    /// runs, because a call forwarded to a silo that dies is otherwise only failed by the response timeout.
    /// </summary>
    /// <returns>The silo hosting this activation.</returns>
    Task<SiloAddress> GetSiloAsync();

    /// <summary>
    /// Runs the shard to completion and returns what it wrote. Orleans' response timeout for this method is one day, so
    /// it never cuts a long shard: the runner's <see cref="OrleansShardRunner.ShardTimeout"/> bounds the wait and
    /// cancels the call.
    /// </summary>
    /// <param name="request">The shard; its job path must name the same file on every silo (shared storage).</param>
    /// <param name="cancellation">Cancelled by the caller (or the runner's timeout); Orleans forwards it to the silo.</param>
    [ResponseTimeout("1.00:00:00")]
    Task<ShardReport> RunAsync(ShardRequest request, CancellationToken cancellation);
}
