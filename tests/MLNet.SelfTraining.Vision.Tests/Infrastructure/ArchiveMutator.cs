using System.IO.Compression;
using System.Text.Json.Nodes;

namespace MLNet.SelfTraining.Vision.Tests.Infrastructure;

/// <summary>
/// Seeded mutations of a model archive for fuzz tests: one manifest value replaced (by a boundary number, a huge or odd
/// value, another type, null) or removed, or the weights entry's bytes overwritten, truncated or extended.
/// </summary>
internal sealed class ArchiveMutator
{
    private static readonly JsonNode?[] s_values =
    [
        0, -1, 1, 2, 3, 255, 65537, int.MaxValue, int.MinValue, 1e12, 1e300, 0.5, -0.5, true, "", "x", "SmallCnn", "ResNet",
        new string('a', 5000), null, new JsonArray(), new JsonArray(1), new JsonArray(0, 0), new JsonObject(),
    ];

    private readonly string _manifest;
    private readonly byte[] _weights;
    private readonly Random _random;

    public ArchiveMutator(string archive, int seed)
    {
        _manifest = TestArchives.Manifest(archive);
        using var zip = ZipFile.OpenRead(archive);
        using var weights = new MemoryStream();
        using (var stream = zip.GetEntry("weights.bin")!.Open())
        {
            stream.CopyTo(weights);
        }

        _weights = weights.ToArray();
        _random = new Random(seed);
    }

    /// <summary>Writes one mutation of the archive to <paramref name="path"/>; returns what was mutated.</summary>
    public string Write(string path)
    {
        var manifest = _manifest;
        var weights = _weights;
        var description = _random.Next(3) == 0 ? MutateWeights(ref weights) : MutateManifest(ref manifest);
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
        {
            writer.Write(manifest);
        }

        using (var stream = zip.CreateEntry("weights.bin").Open())
        {
            stream.Write(weights);
        }

        return description;
    }

    private string MutateManifest(ref string manifest)
    {
        var root = JsonNode.Parse(manifest)!;
        var members = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, members);
        var (parent, name, index) = members[_random.Next(members.Count)];
        var value = s_values[_random.Next(s_values.Length)]?.DeepClone();
        string description;
        if (name is not null && _random.Next(6) == 0)
        {
            parent.AsObject().Remove(name);
            description = $"removed '{name}'";
        }
        else if (name is not null)
        {
            parent[name] = value;
            description = $"'{name}' = {value?.ToJsonString() ?? "null"}";
        }
        else
        {
            parent[index] = value;
            description = $"[{index}] = {value?.ToJsonString() ?? "null"}";
        }

        manifest = root.ToJsonString();
        return $"manifest: {Shorten(description)}";
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> members)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToArray())
            {
                members.Add((obj, name, -1));
                if (child is not null)
                {
                    Collect(child, members);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                members.Add((array, null, i));
                if (array[i] is { } child)
                {
                    Collect(child, members);
                }
            }
        }
    }

    private string MutateWeights(ref byte[] weights)
    {
        var copy = weights.ToList();
        var position = _random.Next(copy.Count);
        string description;
        switch (_random.Next(4))
        {
            case 0:
                copy[position] = (byte)_random.Next(256);
                description = $"byte {position} = {copy[position]}";
                break;
            case 1:
                copy.RemoveRange(position, copy.Count - position);
                description = $"truncated to {position} bytes";
                break;
            case 2:
                copy.AddRange(Enumerable.Range(0, 1 + _random.Next(64)).Select(_ => (byte)_random.Next(256)));
                description = "bytes appended";
                break;
            default:
                for (var i = position; i < Math.Min(copy.Count, position + 8); i++)
                {
                    copy[i] = 0xff;
                }

                description = $"bytes {position}.. = 0xff";
                break;
        }

        weights = [.. copy];
        return $"weights: {description}";
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : $"{text[..80]}…";
}
