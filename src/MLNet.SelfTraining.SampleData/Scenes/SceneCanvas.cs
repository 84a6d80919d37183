namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// One scene being composed: digits are placed by maximum, each pixel remembers the digit with the largest ink there
/// (the earlier digit on a tie), and the mask is read off the composite with the thresholds of <see cref="DigitScenes"/>.
/// </summary>
internal sealed class SceneCanvas
{
    private const int NoDigit = -1;

    private readonly int _size;
    private readonly byte[] _image;
    private readonly int[] _owner;
    private readonly List<SceneDigit> _digits = [];

    /// <summary>Creates an empty canvas of <paramref name="size"/> × <paramref name="size"/> pixels.</summary>
    public SceneCanvas(int size)
    {
        _size = size;
        _image = new byte[size * size];
        _owner = new int[size * size];
        Clear();
    }

    /// <summary>Gets the digits placed so far, in placement order.</summary>
    public IReadOnlyList<SceneDigit> Digits => _digits;

    /// <summary>Removes every digit.</summary>
    public void Clear()
    {
        Array.Clear(_image);
        Array.Fill(_owner, NoDigit);
        _digits.Clear();
    }

    /// <summary>
    /// Whether <paramref name="digit"/> with its top-left pixel at (<paramref name="x"/>, <paramref name="y"/>) has a box
    /// whose intersection over union with every placed digit's box is at most <paramref name="maximumOverlap"/>.
    /// </summary>
    public bool Fits(ResizedDigit digit, int x, int y, double maximumOverlap)
    {
        var candidate = Box(digit, classIndex: 0, sourceIndex: 0, x, y);
        foreach (var placed in _digits)
        {
            if (IntersectionOverUnion(candidate, placed) > maximumOverlap)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Places <paramref name="digit"/> (of class <paramref name="classIndex"/>) with its top-left pixel at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Place(ResizedDigit digit, int classIndex, int sourceIndex, int x, int y)
    {
        for (var row = 0; row < digit.Side; row++)
        {
            for (var column = 0; column < digit.Side; column++)
            {
                var ink = digit.Pixels[(row * digit.Side) + column];
                var pixel = ((y + row) * _size) + x + column;
                if (ink > _image[pixel])
                {
                    _image[pixel] = ink;
                    _owner[pixel] = _digits.Count;
                }
            }
        }

        _digits.Add(Box(digit, classIndex, sourceIndex, x, y));
    }

    /// <summary>Copies the composite image into <paramref name="image"/> (<c>size²</c> bytes).</summary>
    public void WriteImage(Span<byte> image) => _image.CopyTo(image);

    /// <summary>
    /// Writes the mask into <paramref name="mask"/> (<c>size²</c> bytes): digit + 1 of the pixel's owner where the ink is
    /// ≥ <see cref="DigitScenes.MaskInkThreshold"/>, <see cref="SegmentationMasks.Ignore"/> where it is ≥
    /// <see cref="DigitScenes.RimInkThreshold"/> (the anti-aliased rim), 0 (background) elsewhere.
    /// </summary>
    public void WriteMask(Span<byte> mask)
    {
        for (var pixel = 0; pixel < _image.Length; pixel++)
        {
            mask[pixel] = _image[pixel] switch
            {
                >= DigitScenes.MaskInkThreshold => (byte)(_digits[_owner[pixel]].Digit + 1),
                >= DigitScenes.RimInkThreshold => SegmentationMasks.Ignore,
                _ => 0,
            };
        }
    }

    /// <summary>The intersection over union of two boxes (0 when they do not meet).</summary>
    internal static double IntersectionOverUnion(SceneDigit a, SceneDigit b)
    {
        var width = Math.Min(a.X1, b.X1) - Math.Max(a.X0, b.X0);
        var height = Math.Min(a.Y1, b.Y1) - Math.Max(a.Y0, b.Y0);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var intersection = (long)width * height;
        var union = Area(a) + Area(b) - intersection;
        return (double)intersection / union;
    }

    private static long Area(SceneDigit box) => (long)(box.X1 - box.X0) * (box.Y1 - box.Y0);

    private static SceneDigit Box(ResizedDigit digit, int classIndex, int sourceIndex, int x, int y) =>
        new(classIndex, sourceIndex, x + digit.InkLeft, y + digit.InkTop, x + digit.InkRight, y + digit.InkBottom);
}
