using System.Collections.Concurrent;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>Passes every call to the Orleans runner and keeps the requests and the exceptions it threw (which the coordinator retried).</summary>
internal sealed class RecordingRunner : IShardRunner
{
    private readonly IShardRunner _inner;
    private readonly ConcurrentQueue<ShardRequest> _calls = new();
    private readonly ConcurrentQueue<Exception> _failures = new();

    public RecordingRunner(IShardRunner inner) => _inner = inner;

    public int Concurrency => _inner.Concurrency;

    public IReadOnlyCollection<ShardRequest> Calls => _calls;

    public IReadOnlyCollection<Exception> Failures => _failures;

    public async Task RunAsync(ShardRequest request, CancellationToken cancellation)
    {
        _calls.Enqueue(request);
        try
        {
            await _inner.RunAsync(request, cancellation);
        }
        catch (Exception e)
        {
            _failures.Enqueue(e);
            throw;
        }
    }
}
