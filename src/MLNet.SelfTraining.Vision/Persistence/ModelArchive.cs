using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>
/// Reads and writes model archives: a zip file with <c>manifest.json</c> (an <see cref="IArchiveManifest"/>, camel-case
/// JSON with enums as strings) and the TorchSharp weights of a module. Writing is atomic (<see cref="AtomicFile"/>).
/// </summary>
internal static class ModelArchive
{
    public const string ManifestEntry = "manifest.json";

    /// <summary>The largest manifest read: 16 MiB.</summary>
    public const int MaximumManifestBytes = 16 << 20;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Save<TManifest>(string path, TManifest manifest, nn.Module module)
        where TManifest : IArchiveManifest
        => AtomicFile.Write(path, file =>
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
            using (var entry = zip.CreateEntry(ManifestEntry).Open())
            {
                JsonSerializer.Serialize(entry, manifest, s_json);
            }

            // Module.save closes the stream it is given.
            module.save(zip.CreateEntry(manifest.WeightsEntry).Open());
        });

    /// <summary>Reads the manifest, checking its format name and that its version is not newer than this library's
    /// before reading the rest.</summary>
    /// <exception cref="InvalidDataException">The archive has no manifest, a manifest over <see cref="MaximumManifestBytes"/>,
    /// another format, a version outside 1 to the current one, a manifest that does not parse, or no weights entry name.</exception>
    public static TManifest ReadManifest<TManifest>(ZipArchive zip, string path)
        where TManifest : class, IArchiveManifest
    {
        var entry = zip.GetEntry(ManifestEntry)
            ?? throw new InvalidDataException($"'{path}' is not a {TManifest.Description}: it has no '{ManifestEntry}' entry.");
        try
        {
            using var document = JsonDocument.Parse(ReadManifestBytes(entry, path));
            var header = document.Deserialize<ArchiveHeader>(s_json);
            if (header?.Format != TManifest.FormatName)
            {
                throw new InvalidDataException($"'{path}' is not a {TManifest.Description}: expected format '{TManifest.FormatName}', got '{header?.Format}'.");
            }

            if (header.FormatVersion > TManifest.CurrentFormatVersion)
            {
                throw new InvalidDataException(
                    $"'{path}' has format version {header.FormatVersion}; this library reads up to version {TManifest.CurrentFormatVersion}.");
            }

            ArchiveSizes.Require(path, "formatVersion", header.FormatVersion, 1, TManifest.CurrentFormatVersion);
            var manifest = document.Deserialize<TManifest>(s_json)
                ?? throw new InvalidDataException($"'{path}' has an empty '{ManifestEntry}'.");
            ArchiveFields.RequireName(path, "weightsEntry", manifest.WeightsEntry);
            return manifest;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' has a '{ManifestEntry}' that is not a {TManifest.Description}'s: {e.Message}", e);
        }
    }

    /// <summary>The manifest's bytes, at most <see cref="MaximumManifestBytes"/>, checked before they are read.</summary>
    private static ReadOnlyMemory<byte> ReadManifestBytes(ZipArchiveEntry entry, string path)
    {
        if (entry.Length > MaximumManifestBytes)
        {
            throw new InvalidDataException(
                $"'{path}' has a '{ManifestEntry}' of {entry.Length:N0} bytes; expected at most {MaximumManifestBytes:N0}.");
        }

        var bytes = new byte[entry.Length];
        using var stream = entry.Open();
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        return bytes.AsMemory(0, read);
    }

    /// <summary>
    /// Reads a model archive: the manifest (<see cref="ReadManifest{TManifest}"/>), its fields (<paramref name="check"/>),
    /// the declared network's size against the weights entry (<see cref="ArchiveSizes.RequireWeights"/>), all before the
    /// network is built; then each weight tensor against the network (<see cref="WeightsReader"/>).
    /// </summary>
    /// <param name="path">The archive file.</param>
    /// <param name="check">Checks every manifest field (throwing <see cref="InvalidDataException"/>) and returns the
    /// number of parameters of the declared network.</param>
    /// <param name="create">Builds the declared network.</param>
    /// <param name="rename">The network's key of a saved tensor name (a format migration), or <see langword="null"/> for the identity.</param>
    /// <exception cref="InvalidDataException">The file is not such an archive, is newer, declares impossible values, or
    /// its weights do not fit the declared network.</exception>
    public static (TManifest Manifest, TModule Module) Load<TManifest, TModule>(string path, Func<TManifest, double> check,
        Func<TManifest, TModule> create, Func<TManifest, Func<string, string>>? rename = null)
        where TManifest : class, IArchiveManifest
        where TModule : nn.Module
    {
        using var zip = ZipFile.OpenRead(path);
        var manifest = ReadManifest<TManifest>(zip, path);
        var weights = WeightsEntry(zip, manifest, path);
        ArchiveSizes.RequireWeights(path, check(manifest), weights);
        var module = create(manifest);
        try
        {
            using var stream = weights.Open();
            WeightsReader.Load(module, stream, rename?.Invoke(manifest) ?? (name => name), path, weights.FullName);
        }
        catch
        {
            module.Dispose();
            throw;
        }

        return (manifest, module);
    }

    /// <summary>The entry holding the weights.</summary>
    /// <exception cref="InvalidDataException">The archive has no such entry.</exception>
    public static ZipArchiveEntry WeightsEntry(ZipArchive zip, IArchiveManifest manifest, string path) =>
        zip.GetEntry(manifest.WeightsEntry) ?? throw new InvalidDataException($"'{path}' has no weights entry '{manifest.WeightsEntry}'.");
}
