using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace MLNet.SelfTraining.Vision.Datasets.Png;

/// <summary>
/// Writes a mask as an 8-bit indexed PNG with <see cref="VocColourMap"/> as its 256-entry palette, so pixel value i is
/// stored as index i (and shows in VOC's colours).
/// </summary>
/// <remarks>
/// ImageSharp 2.1 writes palette PNGs by quantizing colours to a given palette: each value is drawn in its VOC colour
/// and the <see cref="PaletteQuantizer"/> (no dithering) maps it back to the same entry, since the 256 colours are
/// distinct (also in the 5-bit-per-channel bins of ImageSharp's colour cache: red and green are multiples of 32, blue of
/// 64). The tests check every value 0…255 reads back unchanged.
/// </remarks>
internal static class MaskPngWriter
{
    private static readonly PngEncoder s_encoder = new()
    {
        ColorType = PngColorType.Palette,
        BitDepth = PngBitDepth.Bit8,
        Quantizer = new PaletteQuantizer(VocColourMap.Palette, new QuantizerOptions { Dither = null, MaxColors = 256 }),
        IgnoreMetadata = true,
    };

    public static void Write(Stream stream, MaskImage mask)
    {
        var colours = VocColourMap.Colours;
        var rgb = Array.ConvertAll(mask.Values, v => colours[v]);
        using var image = Image.LoadPixelData<Rgb24>(rgb, mask.Width, mask.Height);
        image.SaveAsPng(stream, s_encoder);
    }
}
