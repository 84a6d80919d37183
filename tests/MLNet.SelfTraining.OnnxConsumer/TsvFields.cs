using System.Globalization;

namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>How the output files write numbers: round-trip ("R"), invariant culture, a vector's values space-separated.</summary>
internal static class TsvFields
{
    public static string Floats(IEnumerable<float> values) => string.Join(' ', values.Select(value => value.ToString("R", CultureInfo.InvariantCulture)));

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
