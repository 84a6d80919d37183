namespace SelfTraining.Vision;

/// <summary>Reads this process's peak resident set size from <c>/proc/self/status</c> (Linux; 0 elsewhere).</summary>
internal static class PeakMemory
{
    /// <summary>Peak resident set size (VmHWM) in MiB.</summary>
    public static double PeakRssMiB()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], out var kib) ? kib / 1024.0 : 0;
            }
        }
        return 0;
    }
}
