using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans;

/// <summary>The default <see cref="IShardExecutor"/>: the core's <see cref="ShardWorker"/>, run on the calling thread.</summary>
internal sealed class ShardWorkerExecutor : IShardExecutor
{
    private readonly ShardWorker _worker;

    public ShardWorkerExecutor(ShardWorker worker) => _worker = worker;

    public Task<ShardResult> RunAsync(ShardRequest request, CancellationToken cancellation) =>
        Task.FromResult(_worker.Run(request, cancellation));
}
