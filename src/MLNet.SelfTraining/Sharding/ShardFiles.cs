using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// The file names, atomic writes, bounded reads and checksums of a job folder. A file is written to a temporary name in
/// its own folder and renamed over its final name, so a reader sees the old file or the new one, never half of one; the
/// temporary names (<c>.{name}.{guid}.tmp</c>) match no pattern a reader looks for.
/// </summary>
internal static partial class ShardFiles
{
    /// <summary>The largest manifest (job or shard) read: far above any real one, small enough to read at once.</summary>
    public const int MaximumManifestBytes = 1 << 20;

    /// <summary>The shard's data file name: <c>shard-{i:D5}-of-{n:D5}.idv</c>.</summary>
    public static string DataName(int index, int count) => string.Create(CultureInfo.InvariantCulture, $"shard-{index:D5}-of-{count:D5}.idv");

    /// <summary>The shard's manifest file name: <c>shard-{i:D5}-of-{n:D5}.json</c>.</summary>
    public static string ManifestName(int index, int count) => string.Create(CultureInfo.InvariantCulture, $"shard-{index:D5}-of-{count:D5}.json");

    /// <summary>The index and count a shard manifest's name says, or <see langword="null"/> for any other file name.</summary>
    public static (int Index, int Count)? ParseManifestName(string fileName)
    {
        var match = ManifestNamePattern().Match(fileName);
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>
    /// Writes <paramref name="path"/> atomically: <paramref name="write"/> fills a temporary file in the same folder,
    /// <paramref name="beforeRename"/> (if any) inspects it once closed, and it is then renamed over the final name.
    /// </summary>
    public static void WriteAtomically(string path, Action<Stream> write, Action<string>? beforeRename = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            beforeRename?.Invoke(temporary);

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The bytes of a file that must not be larger than <paramref name="maximumBytes"/>; checked before reading.</summary>
    /// <exception cref="InvalidDataException">The file is larger.</exception>
    public static byte[] ReadBounded(string path, int maximumBytes, string what)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > maximumBytes)
        {
            throw new InvalidDataException($"{what} '{path}' was expected to be at most {maximumBytes} bytes; got {stream.Length}.");
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The lowercase hexadecimal SHA-256 of a stream read from its current position to its end.</summary>
    public static string Sha256(Stream stream) => Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();

    /// <summary>The lowercase hexadecimal SHA-256 of a file.</summary>
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Sha256(stream);
    }

    /// <summary>
    /// <paramref name="path"/> as a job stores it: relative to <paramref name="jobFolder"/> when inside it, absolute otherwise.
    /// </summary>
    public static string Relative(string jobFolder, string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Path.GetFullPath(jobFolder), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative.Replace('\\', '/');
    }

    /// <summary>A path stored in a job, resolved against the job's folder.</summary>
    public static string Resolve(string jobFolder, string path) => Path.GetFullPath(Path.Combine(jobFolder, path));

    [GeneratedRegex(@"^shard-(\d{5})-of-(\d{5})\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestNamePattern();
}
