namespace MLNet.SelfTraining.Vision.Tests.Infrastructure;

/// <summary>The process's peak resident memory (managed and native), from <c>/proc/self/status</c> (Linux).</summary>
internal static class MemoryUse
{
    /// <summary>Resets the peak to the current resident size (writes 5 to <c>/proc/self/clear_refs</c>).</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    /// <summary>The peak resident size in bytes since the last <see cref="ResetPeak"/> (VmHWM).</summary>
    public static long PeakBytes() => Kilobytes("VmHWM:") * 1024;

    /// <summary>The resident size in bytes (VmRSS).</summary>
    public static long ResidentBytes() => Kilobytes("VmRSS:") * 1024;

    private static long Kilobytes(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0]);
}
