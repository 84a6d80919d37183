using Microsoft.Extensions.DependencyInjection;

namespace MLNet.SelfTraining.Orleans;

/// <summary>Makes a silo run pseudo-labeling shards for <see cref="OrleansShardRunner"/>.</summary>
public static class ShardWorkerSiloBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TExecutor"/> as what <see cref="IPseudoLabelShardGrain"/> runs on this silo (one
    /// instance per silo). The silo needs the job folder on its file system at the path the coordinator uses.
    /// </summary>
    /// <typeparam name="TExecutor">The silo's shard executor.</typeparam>
    /// <param name="builder">The silo.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddSelfTrainingShardWorker<TExecutor>(this ISiloBuilder builder)
        where TExecutor : class, IShardExecutor
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IShardExecutor, TExecutor>();
        return builder;
    }
}
