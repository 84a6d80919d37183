using MLNet.SelfTraining.Sharding;
using Orleans.Placement;

namespace MLNet.SelfTraining.Orleans;

/// <summary>
/// Runs one shard call with the silo's <see cref="IShardExecutor"/>, off the grain's turn (the work is long and may be
/// synchronous), then deactivates: each call has its own grain key, so an activation serves one call. Placed on the silo
/// with the fewest recently active grains, which spreads the shards in flight over the silos.
/// </summary>
/// <remarks>
/// Measured (benchmarks/Sharding, 2 silos of a test cluster in one process on 2 cores): running the shard on the thread
/// pool does not starve it (a few queued work items, up to ~10 threads); but two shards at once in one process took about
/// twice the CPU time of one shard of the same rows in most runs with .NET's dynamic PGO on (the default), never with
/// <c>DOTNET_TieredPGO=0</c> in the silo's environment. A silo running several shards at once may meet it.
/// </remarks>
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
