using System.Buffers.Binary;
using System.Text;

namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// The rows of a job not to score: an 8-byte tag <c>MLSTSKP1</c>, the row count (Int64, little-endian), then one bit
/// per row (bit <c>r % 8</c> of byte <c>r / 8</c>; set = skip). Its size is checked against the job's rows before it is read.
/// </summary>
internal sealed class SkipBitmap
{
    private const int HeaderBytes = 16;
    private static readonly byte[] s_tag = Encoding.ASCII.GetBytes("MLSTSKP1");
    private readonly byte[] _bits;

    private SkipBitmap(byte[] bits)
    {
        _bits = bits;
    }

    /// <summary>Whether global row <paramref name="row"/> is skipped.</summary>
    public bool Skips(long row) => (_bits[row >> 3] & (1 << (int)(row & 7))) != 0;

    /// <summary>Writes the bitmap of <paramref name="rows"/> rows atomically.</summary>
    public static void Write(string path, long rows, Func<long, bool> skip)
        => ShardFiles.WriteAtomically(path, stream => stream.Write(Build(rows, skip, out _)));

    /// <summary>
    /// Writes the bitmap of <paramref name="rows"/> rows atomically if it skips any row (one call of
    /// <paramref name="skip"/> per row); otherwise writes nothing.
    /// </summary>
    /// <returns>Whether any row is skipped, that is whether the file was written.</returns>
    public static bool WriteIfAny(string path, long rows, Func<long, bool> skip)
    {
        var bytes = Build(rows, skip, out var any);
        if (any)
        {
            ShardFiles.WriteAtomically(path, stream => stream.Write(bytes));
        }

        return any;
    }

    private static byte[] Build(long rows, Func<long, bool> skip, out bool any)
    {
        var bytes = new byte[HeaderBytes + ((rows + 7) / 8)];
        s_tag.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), rows);
        any = false;
        for (long row = 0; row < rows; row++)
        {
            if (skip(row))
            {
                bytes[HeaderBytes + (row >> 3)] |= (byte)(1 << (int)(row & 7));
                any = true;
            }
        }

        return bytes;
    }

    /// <summary>Reads the bitmap of a job of <paramref name="rows"/> rows.</summary>
    /// <exception cref="InvalidDataException">The file's size, tag or row count is not the job's; the message names the file.</exception>
    public static SkipBitmap Read(string path, long rows)
    {
        long expected = HeaderBytes + ((rows + 7) / 8);
        var length = new FileInfo(path).Length;
        if (length != expected || expected > int.MaxValue)
        {
            throw new InvalidDataException($"Skip bitmap '{path}' was expected to be {expected} bytes (a {HeaderBytes}-byte header and one bit per row of the job's {rows}); got {length}.");
        }

        var bytes = ShardFiles.ReadBounded(path, (int)expected, "Skip bitmap");
        if (!bytes.AsSpan(0, 8).SequenceEqual(s_tag) || BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)) != rows)
        {
            throw new InvalidDataException($"Skip bitmap '{path}' was expected to start with 'MLSTSKP1' and the job's row count {rows}; it does not.");
        }

        return new SkipBitmap(bytes[HeaderBytes..]);
    }
}
