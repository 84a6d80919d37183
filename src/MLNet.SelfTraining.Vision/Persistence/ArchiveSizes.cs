using System.IO.Compression;

namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>
/// Checks the sizes an archive's manifest declares before any tensor is allocated from them: each size in its range,
/// and the network they describe at most <see cref="MaximumParameters"/> parameters whose 4 bytes each the weights
/// entry holds.
/// </summary>
internal static class ArchiveSizes
{
    /// <summary>The largest network an archive may declare: 2^28 parameters (1 GiB of float32).</summary>
    public const double MaximumParameters = 1 << 28;

    /// <exception cref="InvalidDataException"><paramref name="value"/> is outside [<paramref name="minimum"/>, <paramref name="maximum"/>].</exception>
    public static void Require(string path, string field, long value, long minimum, long maximum)
    {
        if (value < minimum || value > maximum)
        {
            throw new InvalidDataException($"'{path}' declares {field} = {value}; expected {minimum} to {maximum}.");
        }
    }

    /// <exception cref="InvalidDataException">The network is too large, or its weights cannot be in <paramref name="weights"/>.</exception>
    public static void RequireWeights(string path, double parameters, ZipArchiveEntry weights)
    {
        if (parameters > MaximumParameters)
        {
            throw new InvalidDataException($"'{path}' declares a network of {parameters:N0} parameters; expected at most {MaximumParameters:N0}.");
        }

        if (4 * parameters > weights.Length)
        {
            throw new InvalidDataException(
                $"'{path}' declares a network of {parameters:N0} parameters, but its weights entry '{weights.FullName}' holds {weights.Length:N0} bytes, fewer than 4 per parameter.");
        }
    }
}
