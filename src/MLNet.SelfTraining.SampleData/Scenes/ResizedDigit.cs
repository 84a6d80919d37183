namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// An MNIST image resized bilinearly to <see cref="Side"/> × <see cref="Side"/> pixels, in integer arithmetic (so the
/// bytes are the same on every platform), with the tight box of its ink ≥ <see cref="DigitScenes.BoxInkThreshold"/>.
/// </summary>
/// <remarks>
/// Pixel centres are aligned (PyTorch's <c>align_corners=False</c>, no antialiasing): output pixel d samples the source
/// at s = (d + ½) · 28 / side − ½, clamped to [0, 27], and mixes source pixels ⌊s⌋ and ⌊s⌋ + 1 (clamped) with weights
/// exact in units of 1 / (2 · side); the result is rounded half up to a byte.
/// </remarks>
internal sealed class ResizedDigit
{
    private ResizedDigit(byte[] pixels, int side, int left, int top, int right, int bottom)
    {
        Pixels = pixels;
        Side = side;
        InkLeft = left;
        InkTop = top;
        InkRight = right;
        InkBottom = bottom;
    }

    /// <summary>Gets the <see cref="Side"/>² pixels, row-major.</summary>
    public byte[] Pixels { get; }

    /// <summary>Gets the height and width in pixels.</summary>
    public int Side { get; }

    /// <summary>Gets whether some pixel has ink ≥ <see cref="DigitScenes.BoxInkThreshold"/> (else the box is empty).</summary>
    public bool HasInk => InkRight > InkLeft;

    /// <summary>Gets the leftmost inked column.</summary>
    public int InkLeft { get; }

    /// <summary>Gets the topmost inked row.</summary>
    public int InkTop { get; }

    /// <summary>Gets the rightmost inked column + 1.</summary>
    public int InkRight { get; }

    /// <summary>Gets the bottommost inked row + 1.</summary>
    public int InkBottom { get; }

    /// <summary>Resizes a 28 × 28 <paramref name="image"/> to <paramref name="side"/> × <paramref name="side"/> pixels.</summary>
    public static ResizedDigit Create(ReadOnlySpan<byte> image, int side)
    {
        var denominator = 2 * side;
        var (first, second, weight) = (new int[side], new int[side], new int[side]);
        for (var d = 0; d < side; d++)
        {
            // s · 2·side = (2d + 1) · 28 − side, clamped at 0; below 27.5 · 2·side, so ⌊s⌋ ≤ 27.
            var position = Math.Max(0, ((2 * d) + 1) * MnistData.ImageSide - side);
            first[d] = position / denominator;
            second[d] = Math.Min(first[d] + 1, MnistData.ImageSide - 1);
            weight[d] = position - (first[d] * denominator);
        }

        var pixels = new byte[side * side];
        var (left, top, right, bottom) = (side, side, 0, 0);
        var scale = denominator * denominator;
        for (var y = 0; y < side; y++)
        {
            var (row0, row1) = (first[y] * MnistData.ImageSide, second[y] * MnistData.ImageSide);
            var (wy1, wy0) = (weight[y], denominator - weight[y]);
            for (var x = 0; x < side; x++)
            {
                var (wx1, wx0) = (weight[x], denominator - weight[x]);
                var top0 = (wx0 * image[row0 + first[x]]) + (wx1 * image[row0 + second[x]]);
                var bottom0 = (wx0 * image[row1 + first[x]]) + (wx1 * image[row1 + second[x]]);
                var value = (byte)(((wy0 * top0) + (wy1 * bottom0) + (scale / 2)) / scale);
                pixels[(y * side) + x] = value;
                if (value >= DigitScenes.BoxInkThreshold)
                {
                    (left, top) = (Math.Min(left, x), Math.Min(top, y));
                    (right, bottom) = (Math.Max(right, x + 1), Math.Max(bottom, y + 1));
                }
            }
        }

        return right > left ? new ResizedDigit(pixels, side, left, top, right, bottom) : new ResizedDigit(pixels, side, 0, 0, 0, 0);
    }
}
