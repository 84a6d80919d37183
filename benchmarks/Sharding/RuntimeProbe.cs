using System.Diagnostics;

namespace SelfTraining.Sharding;

/// <summary>
/// What this process's runtime did while an arm ran, sampled every 50 ms on a thread of its own: the process's CPU time,
/// the thread pool's threads and queued work items, garbage collections and their pauses. For the Orleans arm's
/// diagnosis (standard error), not a figure.
/// </summary>
internal sealed class RuntimeProbe : IDisposable
{
    private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan _pause = GC.GetTotalPauseDuration();
    private readonly int[] _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly Thread _thread;
    private volatile bool _stop;
    private int _maxThreads;
    private long _maxPending;
    private long _pendingSum;
    private int _samples;

    public RuntimeProbe()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "runtime probe" };
        _thread.Start();
    }

    /// <summary>This process's user + system CPU time since the probe started.</summary>
    public double CpuSeconds => (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalSeconds;

    /// <summary>One line: CPU over wall, pool threads and queue, collections and pause time since the probe started.</summary>
    public string Summary(double seconds)
    {
        var cpu = CpuSeconds;
        return $"process CPU {cpu:F2} s over {seconds:F2} s ({100 * cpu / seconds:F0} %); thread pool: at most {_maxThreads} threads, "
            + $"queued work items at most {_maxPending}, mean {(double)_pendingSum / Math.Max(1, _samples):F1}; GC: gen0 {GC.CollectionCount(0) - _collections[0]}, "
            + $"gen1 {GC.CollectionCount(1) - _collections[1]}, gen2 {GC.CollectionCount(2) - _collections[2]}, paused {(GC.GetTotalPauseDuration() - _pause).TotalSeconds:F2} s";
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Sample()
    {
        while (!_stop)
        {
            _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
            long pending = ThreadPool.PendingWorkItemCount;
            _maxPending = Math.Max(_maxPending, pending);
            _pendingSum += pending;
            _samples++;
            Thread.Sleep(50);
        }
    }
}
