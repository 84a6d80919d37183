using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MLNet.SelfTraining.Vision.Datasets.Png;

/// <summary>
/// PASCAL VOC's colour map (<c>VOCdevkit/VOCcode/VOClabelcolormap.m</c>): the bits of index i interleaved into the high
/// bits of red, green and blue; index 0 is black, 1 is (128, 0, 0), and 255 (void) is (224, 224, 192).
/// </summary>
internal static class VocColourMap
{
    /// <summary>The 256 colours, by index.</summary>
    public static IReadOnlyList<Rgb24> Colours { get; } = Create();

    /// <summary>The 256 colours as ImageSharp colours, for a palette quantizer.</summary>
    public static ReadOnlyMemory<Color> Palette { get; } = Colours.Select(c => new Color(c)).ToArray();

    private static Rgb24[] Create()
    {
        var colours = new Rgb24[256];
        for (var i = 0; i < colours.Length; i++)
        {
            int r = 0, g = 0, b = 0, c = i;
            for (var shift = 7; shift >= 0; shift--, c >>= 3)
            {
                r |= (c & 1) << shift;
                g |= ((c >> 1) & 1) << shift;
                b |= ((c >> 2) & 1) << shift;
            }

            colours[i] = new Rgb24((byte)r, (byte)g, (byte)b);
        }

        return colours;
    }
}
