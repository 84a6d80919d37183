using System.Diagnostics;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>Waits for the start markers the test executors write (<c>started-…</c>, with the silo's port).</summary>
internal static class ShardStarts
{
    public static async Task WaitAsync(string folder, int? port)
    {
        var pattern = port is null ? "started-*" : $"started-*.{port}.*";
        var clock = Stopwatch.StartNew();
        while (!Directory.Exists(folder) || Directory.GetFiles(folder, pattern).Length == 0)
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(20), clock.Elapsed, $"no shard started in '{folder}' ({pattern})");
            await Task.Delay(20);
        }
    }
}
