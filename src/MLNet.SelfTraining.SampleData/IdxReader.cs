using System.Buffers.Binary;
using System.IO.Compression;

namespace MLNet.SelfTraining.SampleData;

/// <summary>
/// Reads IDX files of unsigned bytes (the format of the MNIST files), raw or gzip-compressed (detected by the
/// gzip magic bytes <c>1f 8b</c>). Every format error is an <see cref="InvalidDataException"/> naming the file,
/// what was expected and what was found.
/// </summary>
internal static class IdxReader
{
    private const int UnsignedByteMagic = 0x0800;
    private const int FirstChunk = 1 << 20;

    /// <summary>Reads the IDX file at <paramref name="path"/>, which must hold <paramref name="rank"/> dimensions.</summary>
    public static IdxArray ReadFile(string path, int rank)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path, rank);
    }

    /// <summary>Reads an IDX file from a seekable stream; <paramref name="source"/> names it in error messages.</summary>
    public static IdxArray Read(Stream stream, string source, int rank)
    {
        if (!IsGzip(stream))
        {
            return ReadIdx(stream, source, rank);
        }

        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        return ReadIdx(gzip, source, rank);
    }

    private static bool IsGzip(Stream stream)
    {
        var start = stream.Position;
        Span<byte> magic = stackalloc byte[2];
        var isGzip = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) == magic.Length
            && magic[0] == 0x1f && magic[1] == 0x8b;
        stream.Position = start;
        return isGzip;
    }

    private static IdxArray ReadIdx(Stream stream, string source, int rank)
    {
        var header = new byte[4 + (4 * rank)];
        var headerRead = ReadBlock(stream, header, source);
        if (headerRead >= 4)
        {
            var magic = BinaryPrimitives.ReadInt32BigEndian(header);
            var expectedMagic = UnsignedByteMagic | rank;
            if (magic != expectedMagic)
            {
                throw new InvalidDataException(
                    $"File '{source}' has IDX magic number 0x{magic:X8}; expected 0x{expectedMagic:X8} (unsigned bytes, {rank} dimension(s)).");
            }
        }

        if (headerRead < header.Length)
        {
            throw new InvalidDataException(
                $"File '{source}' is truncated: expected a {header.Length}-byte IDX header, got {headerRead} byte(s).");
        }

        var dimensions = ReadDimensions(header, source, rank);
        var shape = string.Join(" × ", dimensions);
        var length = (int)dimensions.Aggregate(1L, (product, size) => product * size);
        var data = ReadData(stream, length, source);
        if (data.Length < length)
        {
            throw new InvalidDataException(
                $"File '{source}' is truncated: expected {length} data bytes ({shape}) after the header, got {data.Length}.");
        }

        if (ReadBlock(stream, new byte[1], source) != 0)
        {
            throw new InvalidDataException(
                $"File '{source}' has unexpected bytes after its {data.Length} data bytes ({shape}); expected the file to end there.");
        }

        return new IdxArray(dimensions, data);
    }

    private static int[] ReadDimensions(byte[] header, string source, int rank)
    {
        var dimensions = new int[rank];
        long length = 1;
        for (var i = 0; i < rank; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 + (4 * i)));
            if (dimensions[i] < 0)
            {
                throw new InvalidDataException(
                    $"File '{source}' declares dimension {i} of size {dimensions[i]}; expected a non-negative size.");
            }

            length *= dimensions[i];
            if (length > Array.MaxLength)
            {
                throw new InvalidDataException(
                    $"File '{source}' declares {length} or more data bytes; expected at most {Array.MaxLength}.");
            }
        }

        return dimensions;
    }

    /// <summary>
    /// Reads up to <paramref name="length"/> bytes into a buffer that grows (doubling from 1 MiB) only as data arrives, so a
    /// header declaring more bytes than the file holds allocates at most about twice the bytes present (at least 1 MiB);
    /// returns the bytes read.
    /// </summary>
    private static byte[] ReadData(Stream stream, int length, string source)
    {
        var data = new byte[Math.Min(length, FirstChunk)];
        var read = ReadBlock(stream, data, source);
        while (read == data.Length && read < length)
        {
            Array.Resize(ref data, (int)Math.Min(length, 2L * data.Length));
            read += ReadBlock(stream, data.AsMemory(read), source);
        }

        return read == data.Length ? data : data[..read];
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the count read.</summary>
    private static int ReadBlock(Stream stream, Memory<byte> buffer, string source)
    {
        try
        {
            return stream.ReadAtLeast(buffer.Span, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"File '{source}' is not a valid gzip stream: {ex.Message}", ex);
        }
    }
}
