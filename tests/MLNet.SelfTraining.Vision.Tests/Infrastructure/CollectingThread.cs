using System.Diagnostics;

namespace MLNet.SelfTraining.Vision.Tests.Infrastructure;

/// <summary>
/// Runs an action in a loop while other threads force garbage collections and run finalizers without pause: an object
/// that the action's native calls still read but that its optimized code no longer references (a TorchSharp
/// <c>Scalar</c> made from a number) is then freed during the call. The test project turns tiered compilation off, so
/// the loop runs optimized code from its first call, as a long fit does.
/// </summary>
internal static class CollectingThread
{
    private const int Collectors = 2;

    /// <summary>Calls <paramref name="action"/> until <paramref name="duration"/> has passed, collecting meanwhile.</summary>
    /// <returns>How many calls were made.</returns>
    public static int Run(TimeSpan duration, Action action)
    {
        using var stop = new CancellationTokenSource();
        var collectors = Enumerable.Range(0, Collectors)
            .Select(i => new Thread(() => Collect(stop.Token)) { IsBackground = true, Name = $"collector {i}" })
            .ToArray();
        foreach (var collector in collectors)
        {
            collector.Start();
        }

        var calls = 0;
        try
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < duration)
            {
                action();
                calls++;
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var collector in collectors)
            {
                collector.Join();
            }
        }

        return calls;
    }

    /// <summary>Young-generation collections (the temporaries are young), each followed by the finalizers it queued.</summary>
    private static void Collect(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            GC.Collect(0);
            GC.WaitForPendingFinalizers();
        }
    }
}
