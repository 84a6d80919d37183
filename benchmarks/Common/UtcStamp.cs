using System.Globalization;

namespace SelfTraining.Common;

/// <summary>The start time written into results.</summary>
internal static class UtcStamp
{
    /// <summary>The current UTC time as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
