using System.Buffers.Binary;
using System.Text;
using MLNet.SelfTraining.Vision.ImageFiles;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace MLNet.SelfTraining.Vision.Datasets.Png;

/// <summary>
/// Reads the values of a mask PNG exactly: the palette index of each pixel of an indexed PNG (any bit depth), or the grey
/// value of an 8-bit greyscale PNG.
/// </summary>
/// <remarks>
/// ImageSharp 2.1 decodes an indexed PNG to colours, not indices, and a file's palette may repeat a colour (e.g. a
/// palette padded with black). So the file's <c>PLTE</c> chunk is replaced, in memory, by a grey ramp with one entry per
/// possible index (entry i = (i, i, i), CRC recomputed) before ImageSharp decodes it: the red value of each decoded pixel
/// is then its index, whatever the file's own colours. The file is read whole, within a byte bound, its chunk layout
/// checked (truncation, no <c>IEND</c>), and its size checked against the pixel budget before decoding, with the
/// allocation limit of <see cref="DecodingConfiguration"/>.
/// </remarks>
internal sealed class MaskPngReader
{
    private readonly Configuration _configuration;
    private readonly long _maximumPixels;
    private readonly long _maximumFileBytes;
    private readonly string _bound;

    /// <param name="pixels">The pixel budget and decoding limits.</param>
    /// <param name="maximumFileBytes">The largest mask file read.</param>
    /// <param name="bound">The option that sets <paramref name="maximumFileBytes"/>, for messages.</param>
    public MaskPngReader(ImagePixelsOptions pixels, long maximumFileBytes, string bound)
    {
        _configuration = DecodingConfiguration.Create(pixels);
        _maximumPixels = pixels.MaximumPixels;
        _maximumFileBytes = maximumFileBytes;
        _bound = bound;
    }

    /// <summary>The mask in the file at <paramref name="fullPath"/>, or an error naming the file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">Not a PNG, truncated, too large, another colour type, or not decodable.</exception>
    public MaskImage Read(string fullPath)
    {
        var png = BoundedFile.ReadAllBytes(fullPath, _maximumFileBytes, "Mask file", _bound);
        var layout = PngLayout.Read(png, fullPath);
        long area = (long)layout.Width * layout.Height;
        if (area > _maximumPixels)
        {
            throw new InvalidDataException(
                $"Mask file '{fullPath}' is {layout.Width}×{layout.Height} = {area} pixels; expected at most {_maximumPixels} (MaximumPixels, a guard against decompression bombs).");
        }

        try
        {
            return layout switch
            {
                { ColourType: PngLayout.Indexed, Palette: { } palette } => ReadIndices(WithGreyRamp(png, palette, layout.BitDepth), layout),
                { ColourType: PngLayout.Indexed } => throw new InvalidDataException($"Mask file '{fullPath}' is an indexed PNG without a PLTE chunk; expected one before its image data."),
                { ColourType: PngLayout.Greyscale, BitDepth: 8 } => ReadGrey(png, layout),
                _ => throw new InvalidDataException(
                    $"Mask file '{fullPath}' is a PNG of colour type {layout.ColourType} with bit depth {layout.BitDepth}; expected an indexed (palette, colour type 3) PNG or an 8-bit greyscale (colour type 0) PNG whose values are class indices."),
            };
        }
        catch (Exception e) when (e is UnknownImageFormatException or ImageFormatException or NotSupportedException or InvalidMemoryOperationException)
        {
            throw new InvalidDataException($"Mask file '{fullPath}' could not be decoded: {e.Message}", e);
        }
    }

    private MaskImage ReadIndices(byte[] png, PngLayout layout)
    {
        using var image = Image.Load<Rgb24>(_configuration, png);
        var rgb = new Rgb24[layout.Width * layout.Height];
        image.CopyPixelDataTo(rgb);
        return new MaskImage(layout.Width, layout.Height, Array.ConvertAll(rgb, p => p.R));
    }

    private MaskImage ReadGrey(byte[] png, PngLayout layout)
    {
        using var image = Image.Load<L8>(_configuration, png);
        var grey = new L8[layout.Width * layout.Height];
        image.CopyPixelDataTo(grey);
        return new MaskImage(layout.Width, layout.Height, Array.ConvertAll(grey, p => p.PackedValue));
    }

    /// <summary>A copy of <paramref name="png"/> whose <c>PLTE</c> chunk holds entry i = (i, i, i) for every index of <paramref name="bitDepth"/> bits.</summary>
    private static byte[] WithGreyRamp(byte[] png, Range palette, byte bitDepth)
    {
        var entries = 1 << Math.Clamp((int)bitDepth, 1, 8);
        var chunk = new byte[12 + (3 * entries)];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)(3 * entries));
        Encoding.ASCII.GetBytes("PLTE", chunk.AsSpan(4));
        for (var i = 0; i < entries; i++)
        {
            chunk.AsSpan(8 + (3 * i), 3).Fill((byte)i);
        }

        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(chunk.Length - 4), PngCrc.Compute(chunk.AsSpan(4, chunk.Length - 8)));
        var (start, length) = palette.GetOffsetAndLength(png.Length);
        return [.. png.AsSpan(0, start), .. chunk, .. png.AsSpan(start + length)];
    }
}
