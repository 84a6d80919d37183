using System.Globalization;

namespace SelfTraining.Vision.Study;

/// <summary>A figure over seeds: its mean, half its range (0 for one seed) and the number of seeds.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="HalfRange">(max − min) / 2.</param>
/// <param name="Seeds">The number of seeds.</param>
internal sealed record SeedStat(double Mean, double HalfRange, int Seeds)
{
    /// <summary>The statistic of <paramref name="values"/>, or <see langword="null"/> for none.</summary>
    public static SeedStat? Of(IEnumerable<double> values)
    {
        var all = values.ToArray();
        return all.Length == 0 ? null : new(all.Average(), (all.Max() - all.Min()) / 2, all.Length);
    }

    /// <summary>Whether the mean is within the seed half-range of 0 (only known with two seeds or more).</summary>
    public bool IsNoise => Seeds > 1 && Math.Abs(Mean) <= HalfRange;

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> differ by no more than their half-ranges together (only known with two seeds or more each).</summary>
    public static bool Overlap(SeedStat a, SeedStat b) => a.Seeds > 1 && b.Seeds > 1 && Math.Abs(a.Mean - b.Mean) <= a.HalfRange + b.HalfRange;

    /// <summary>The mean in percentage points (× 100), with "± half-range" for two seeds or more; signed for a Δ.</summary>
    public string Points(bool signed = false) =>
        Format(Mean, signed) + (Seeds > 1 ? " ± " + (100 * HalfRange).ToString("0.0", CultureInfo.InvariantCulture) : "");

    /// <summary>A 0–1 figure in percentage points with one decimal, signed with a true minus when asked.</summary>
    public static string Format(double value, bool signed = false) =>
        (100 * value).ToString(signed ? "+0.0;−0.0;0.0" : "0.0", CultureInfo.InvariantCulture);
}
