using MLNet.SelfTraining;
using SixLabors.ImageSharp.PixelFormats;

namespace SceneSegmentation;

/// <summary>
/// Colours of mask values: the background (class 0) black, each other class a hue of its own, evenly spaced around the
/// colour wheel in class order (red for class 1), and 255 (ignored) grey.
/// </summary>
internal sealed class MaskPalette
{
    private static readonly Rgb24 Ignored = new(128, 128, 128);
    private readonly Rgb24[] _colours;

    public MaskPalette(int classCount)
    {
        _colours = [new Rgb24(0, 0, 0), .. Enumerable.Range(1, classCount - 1).Select(c => Hue(360.0 * (c - 1) / (classCount - 1)))];
    }

    /// <summary>The colour of a mask value; a value that is neither a class nor 255 is drawn as ignored.</summary>
    public Rgb24 this[byte value] => value < _colours.Length ? _colours[value] : Ignored;

    /// <summary>The classes' colours in class order, then the ignored grey.</summary>
    public IReadOnlyList<Rgb24> Legend => [.. _colours, this[SegmentationMasks.Ignore]];

    /// <summary>A saturated colour of hue <paramref name="degrees"/> (HSV with saturation 0.85 and value 1).</summary>
    private static Rgb24 Hue(double degrees)
    {
        const double Saturation = 0.85;
        double sector = degrees / 60, fraction = sector - Math.Floor(sector);
        double low = 1 - Saturation, falling = 1 - (Saturation * fraction), rising = 1 - (Saturation * (1 - fraction));
        var (r, g, b) = ((int)sector % 6) switch
        {
            0 => (1.0, rising, low),
            1 => (falling, 1.0, low),
            2 => (low, 1.0, rising),
            3 => (low, falling, 1.0),
            4 => (rising, low, 1.0),
            _ => (1.0, low, falling),
        };
        return new Rgb24(Byte(r), Byte(g), Byte(b));
    }

    private static byte Byte(double channel) => (byte)Math.Round(255 * channel);
}
