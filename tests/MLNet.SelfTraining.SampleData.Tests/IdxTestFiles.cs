using System.Buffers.Binary;
using System.IO.Compression;

namespace MLNet.SelfTraining.SampleData.Tests;

/// <summary>Builds IDX files (raw or gzip) in a temporary directory that is deleted on dispose.</summary>
internal sealed class IdxTestFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mnist-tests-").FullName;

    /// <summary>The bytes of an IDX file: magic, big-endian dimensions, data.</summary>
    public static byte[] Idx(int magic, int[] dimensions, byte[] data)
    {
        var bytes = new byte[4 + (4 * dimensions.Length) + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        data.CopyTo(bytes, 4 + (4 * dimensions.Length));
        return bytes;
    }

    /// <summary>An images IDX file (magic 0x803) of <paramref name="count"/> images of the given size.</summary>
    public static byte[] Images(byte[] pixels, int count, int side = 28) => Idx(0x803, [count, side, side], pixels);

    /// <summary>A labels IDX file (magic 0x801).</summary>
    public static byte[] Labels(byte[] labels) => Idx(0x801, [labels.Length], labels);

    /// <summary>Compresses <paramref name="bytes"/> with gzip.</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>Pseudo-random bytes from a fixed seed.</summary>
    public static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Writes <paramref name="bytes"/> to a new file named <paramref name="name"/> and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
