using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans;

/// <summary>Makes a silo run pseudo-labeling shards for <see cref="OrleansShardRunner"/>.</summary>
public static class ShardWorkerSiloBuilderExtensions
{
    /// <summary>
    /// Makes <see cref="IPseudoLabelShardGrain"/> run shards on this silo with the core's <see cref="ShardWorker"/>: it
    /// loads the job's teacher (a plain ML.NET model) with <c>mlContext.Model.Load</c>, scores the shard's rows and
    /// writes the shard atomically next to the job. The silo needs the job folder on its file system at the path the
    /// coordinator uses (shared storage for machines).
    /// </summary>
    /// <param name="builder">The silo.</param>
    /// <param name="configure">
    /// Prepares each shard's <see cref="MLContext"/> before the teacher is loaded, e.g. registers the assemblies of ONNX or
    /// image transforms with <c>mlContext.ComponentCatalog.RegisterAssembly</c>; <see langword="null"/> for none.
    /// </param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddSelfTrainingShardWorker(this ISiloBuilder builder, Action<MLContext>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var worker = configure is null ? new ShardWorker() : new ShardWorker(configure);
        builder.Services.AddSingleton<IShardExecutor>(new ShardWorkerExecutor(worker));
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TExecutor"/> instead of the <see cref="ShardWorker"/> as what
    /// <see cref="IPseudoLabelShardGrain"/> runs on this silo (one instance per silo, built from the silo's services).
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
