using MLNet.SelfTraining.Sharding;
using Orleans.Placement;

namespace MLNet.SelfTraining.Orleans;

/// <summary>
/// Runs one shard call with the silo's <see cref="IShardExecutor"/>, off the grain's turn (the work is long and may be
/// synchronous), then deactivates: each call has its own grain key, so an activation serves one call. Placed on the silo
/// with the fewest recently active grains, which spreads the shards in flight over the silos.
/// </summary>
[ActivationCountBasedPlacement]
internal sealed class PseudoLabelShardGrain : Grain, IPseudoLabelShardGrain
{
    private readonly IShardExecutor _executor;
    private readonly ILocalSiloDetails _silo;

    public PseudoLabelShardGrain(IShardExecutor executor, ILocalSiloDetails silo)
    {
        _executor = executor;
        _silo = silo;
    }

    public Task<SiloAddress> GetSiloAsync() => Task.FromResult(_silo.SiloAddress);

    public async Task<ShardReport> RunAsync(ShardRequest request, CancellationToken cancellation)
    {
        try
        {
            var outcome = await Task.Run(() => _executor.RunAsync(request, cancellation), cancellation);
            return new ShardReport(request.ShardIndex, request.ShardCount, _silo.SiloAddress.ToString(), outcome);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
