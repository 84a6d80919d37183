using System.Globalization;

namespace SelfTraining.Sharding;

/// <summary>Numbers as the reports write them (invariant culture).</summary>
internal static class Text
{
    public static string F(double value, int decimals = 2) => value.ToString($"F{decimals}", CultureInfo.InvariantCulture);

    public static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "×";

    public static string Percent(double fraction, int decimals = 1) => (100 * fraction).ToString($"F{decimals}", CultureInfo.InvariantCulture) + " %";

    /// <summary>Bytes per row or image: one decimal below 100, none above.</summary>
    public static string PerItem(double bytes) => bytes < 100 ? F(bytes, 1) : N(bytes);

    /// <summary>Bytes in the largest unit that keeps at least 1 (B, KB, MB, GB, TB; powers of 1,000).</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB"];
        int unit = 0;
        while (bytes >= 1000 && unit < units.Length - 1)
        {
            bytes /= 1000;
            unit++;
        }

        return $"{bytes.ToString(unit == 0 ? "F0" : "F1", CultureInfo.InvariantCulture)} {units[unit]}";
    }

    /// <summary>A duration in the largest unit that keeps at least 1 (s, min, h, days).</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 60 => $"{F(seconds, 1)} s",
        < 3600 => $"{F(seconds / 60, 1)} min",
        < 86_400 => $"{F(seconds / 3600, 1)} h",
        _ => $"{F(seconds / 86_400, 1)} days",
    };

    /// <summary>The median with the range of the repeats, e.g. "8.51 (8.40–8.90)".</summary>
    public static string Seconds(ArmSummary summary)
        => summary.Repeats > 1 ? $"{F(summary.Seconds)} ({F(summary.MinimumSeconds)}–{F(summary.MaximumSeconds)})" : F(summary.Seconds);
}
