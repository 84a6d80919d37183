using System.Buffers.Binary;
using System.Text;

namespace MLNet.SelfTraining.Vision.Datasets.Png;

/// <summary>
/// The chunk layout of a PNG file held in memory, checked without decoding: the signature, every chunk's length within
/// the file, <c>IHDR</c> first, <c>IEND</c> last, and the place of the <c>PLTE</c> chunk. Chunk data other than
/// <c>IHDR</c>'s is not read; ImageSharp decodes the pixels (and checks the CRCs of critical chunks).
/// </summary>
internal sealed class PngLayout
{
    /// <summary>The colour type of an indexed (palette) PNG.</summary>
    public const byte Indexed = 3;

    /// <summary>The colour type of a greyscale PNG without alpha.</summary>
    public const byte Greyscale = 0;

    private static readonly byte[] s_signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngLayout(int width, int height, byte bitDepth, byte colourType, Range? palette)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColourType = colourType;
        Palette = palette;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    public byte ColourType { get; }

    /// <summary>The whole <c>PLTE</c> chunk (length, type, data and CRC) in the file, if there is one.</summary>
    public Range? Palette { get; }

    /// <summary>The layout of <paramref name="png"/>, or an error naming <paramref name="file"/> and what is wrong where.</summary>
    /// <exception cref="InvalidDataException">No PNG signature, a chunk running past the end of the file, no <c>IHDR</c> first or no <c>IEND</c>.</exception>
    public static PngLayout Read(ReadOnlySpan<byte> png, string file)
    {
        if (!png.StartsWith(s_signature))
        {
            throw new InvalidDataException($"Mask file '{file}' is not a PNG: it does not start with the PNG signature; expected an indexed or 8-bit greyscale PNG.");
        }

        PngLayout? header = null;
        Range? palette = null;
        var at = s_signature.Length;
        while (true)
        {
            if (png.Length - at < 12)
            {
                throw Truncated(file, at, $"a chunk of at least 12 bytes, got {png.Length - at}");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            var type = Encoding.ASCII.GetString(png.Slice(at + 4, 4));
            if (length > (uint)(png.Length - at - 12))
            {
                throw Truncated(file, at, $"chunk '{type}' of {length} data bytes, got {png.Length - at - 12}");
            }

            var data = png.Slice(at + 8, (int)length);
            if (header is null)
            {
                header = type == "IHDR" && length == 13
                    ? Header(data, file)
                    : throw new InvalidDataException($"Mask file '{file}' has chunk '{type}' of {length} bytes first; expected an IHDR chunk of 13 bytes.");
            }
            else if (type == "PLTE")
            {
                palette = new Range(at, at + 12 + (int)length);
            }
            else if (type == "IEND")
            {
                return new PngLayout(header.Width, header.Height, header.BitDepth, header.ColourType, palette);
            }

            at += 12 + (int)length;
        }
    }

    private static PngLayout Header(ReadOnlySpan<byte> ihdr, string file)
    {
        var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            throw new InvalidDataException($"Mask file '{file}' declares a size of {width}×{height} in its IHDR chunk; expected a width and a height between 1 and {int.MaxValue}.");
        }

        return new PngLayout((int)width, (int)height, ihdr[8], ihdr[9], null);
    }

    private static InvalidDataException Truncated(string file, int at, string what)
        => new($"Mask file '{file}' is truncated at byte {at}: expected {what} (and an IEND chunk at the end).");
}
