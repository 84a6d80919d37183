namespace SelfTraining.Common;

/// <summary>Reads this process's memory counters from <c>/proc/self/status</c> (Linux; 0 elsewhere).</summary>
internal static class PeakMemory
{
    /// <summary>Peak resident set size (VmHWM) in MiB.</summary>
    public static double PeakRssMiB() => ReadKiB("VmHWM:") / 1024.0;

    /// <summary>Current resident set size (VmRSS) in MiB.</summary>
    public static double CurrentRssMiB() => ReadKiB("VmRSS:") / 1024.0;

    private static long ReadKiB(string key)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var digits = line[key.Length..].Trim().Split(' ')[0];
                return long.TryParse(digits, out var kib) ? kib : 0;
            }
        }

        return 0;
    }
}
