using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>
/// Reads and writes a classifier archive: a zip file with <c>manifest.json</c> (<see cref="ModelManifest"/>) and the
/// TorchSharp weights. Writing is atomic: the archive is written to a temporary file in the target directory, flushed,
/// and moved over the target.
/// </summary>
internal static class ModelArchive
{
    public const string ManifestEntry = "manifest.json";

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Save(string path, ModelManifest manifest, nn.Module network)
    {
        var target = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    using (var entry = zip.CreateEntry(ManifestEntry).Open())
                        JsonSerializer.Serialize(entry, manifest, s_json);
                    // Module.save closes the stream it is given.
                    network.save(zip.CreateEntry(manifest.WeightsEntry).Open());
                }
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static ModelManifest ReadManifest(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(ManifestEntry)
            ?? throw new InvalidDataException($"'{path}' is not a classifier archive: it has no '{ManifestEntry}' entry.");
        ModelManifest? manifest;
        using (var stream = entry.Open())
            manifest = JsonSerializer.Deserialize<ModelManifest>(stream, s_json);
        if (manifest is null || manifest.Format != ModelManifest.FormatName)
            throw new InvalidDataException($"'{path}' is not a classifier archive: expected format '{ModelManifest.FormatName}', got '{manifest?.Format}'.");
        if (manifest.FormatVersion > ModelManifest.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"'{path}' has format version {manifest.FormatVersion}; this library reads up to version {ModelManifest.CurrentFormatVersion}.");
        }
        return manifest;
    }

    public static void ReadWeights(ZipArchive zip, ModelManifest manifest, nn.Module network, string path)
    {
        var entry = zip.GetEntry(manifest.WeightsEntry)
            ?? throw new InvalidDataException($"'{path}' has no weights entry '{manifest.WeightsEntry}'.");
        using var stream = entry.Open();
        network.load(stream);
    }
}
