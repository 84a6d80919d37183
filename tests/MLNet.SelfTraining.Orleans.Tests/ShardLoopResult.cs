using System.Collections.Concurrent;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>What <see cref="ShardRetryLoop"/> saw: the reports of the calls that succeeded and the failures it retried.</summary>
internal sealed class ShardLoopResult
{
    private readonly ConcurrentQueue<ShardReport> _reports = new();
    private readonly ConcurrentQueue<Exception> _failures = new();

    public IReadOnlyCollection<ShardReport> Reports => _reports;

    public IReadOnlyCollection<Exception> Failures => _failures;

    public void Add(ShardReport report) => _reports.Enqueue(report);

    public void Add(Exception failure) => _failures.Enqueue(failure);
}
