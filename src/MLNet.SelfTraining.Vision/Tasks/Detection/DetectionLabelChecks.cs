using System.Globalization;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// Checks one training row's labels and boxes and turns them into class indices and clipped corners. Every failure is an
/// <see cref="ArgumentException"/> naming the row, the column and the box: a label count that is not the box count
/// (4 values per label), a key 0 (missing) or above the key count, a non-finite coordinate, an empty box
/// (x1 ≤ x0 or y1 ≤ y0), or a box with no area left inside the image once clipped to it.
/// </summary>
internal sealed class DetectionLabelChecks
{
    private readonly string _labels;
    private readonly string _box;
    private readonly int _classCount;
    private readonly int _width;
    private readonly int _height;

    /// <param name="labels">The label column's name.</param>
    /// <param name="box">The box column's name.</param>
    /// <param name="classCount">K, the label column's key count.</param>
    /// <param name="width">Image width W: boxes are clipped to [0, W].</param>
    /// <param name="height">Image height H: boxes are clipped to [0, H].</param>
    public DetectionLabelChecks(string labels, string box, int classCount, int width, int height)
    {
        _labels = labels;
        _box = box;
        _classCount = classCount;
        _width = width;
        _height = height;
    }

    /// <summary>The row's class indices and clipped corners.</summary>
    /// <param name="row">The row's position, for messages.</param>
    /// <param name="keys">The row's label keys (key k + 1 is class k).</param>
    /// <param name="corners">The row's boxes, 4 values per box.</param>
    /// <exception cref="ArgumentException">The labels or boxes are invalid; the message names the row and the box.</exception>
    public (long[] Classes, float[] Corners) Read(long row, ReadOnlySpan<uint> keys, ReadOnlySpan<float> corners)
    {
        if (corners.Length != 4 * keys.Length)
        {
            throw Error($"Row {row}: box column '{_box}' holds {corners.Length} values and label column '{_labels}' {keys.Length} labels; "
                + $"expected 4 values (x0, y0, x1, y1) per label, {4 * keys.Length}.");
        }

        var classes = new long[keys.Length];
        var clipped = new float[corners.Length];
        for (var b = 0; b < keys.Length; b++)
        {
            if (keys[b] == 0 || keys[b] > _classCount)
            {
                throw Error($"Row {row} of label column '{_labels}', box {b}: key {keys[b]}{(keys[b] == 0 ? " (missing)" : "")}; "
                    + $"expected a class key 1 to {_classCount} (the column's key count; every box of a labeled row needs its class).");
            }

            classes[b] = keys[b] - 1;
            var box = corners.Slice(4 * b, 4);
            var text = Describe(box);
            if (!float.IsFinite(box[0]) || !float.IsFinite(box[1]) || !float.IsFinite(box[2]) || !float.IsFinite(box[3]))
            {
                throw Error($"Row {row} of box column '{_box}', box {b}: {text} has a non-finite coordinate (NaN or ±Inf); expected pixels.");
            }

            if (box[2] <= box[0] || box[3] <= box[1])
            {
                throw Error($"Row {row} of box column '{_box}', box {b}: {text} is empty; expected x0 < x1 and y0 < y1 (pixels, x to the right, y down).");
            }

            var (x0, y0) = (Math.Clamp(box[0], 0, _width), Math.Clamp(box[1], 0, _height));
            var (x1, y1) = (Math.Clamp(box[2], 0, _width), Math.Clamp(box[3], 0, _height));
            if (x1 <= x0 || y1 <= y0)
            {
                throw Error($"Row {row} of box column '{_box}', box {b}: {text} lies outside the {_width}×{_height} image; "
                    + $"expected a box with some area in [0, {_width}]×[0, {_height}] (boxes are clipped to the image).");
            }

            (clipped[4 * b], clipped[(4 * b) + 1], clipped[(4 * b) + 2], clipped[(4 * b) + 3]) = (x0, y0, x1, y1);
        }

        return (classes, clipped);
    }

    private static string Describe(ReadOnlySpan<float> box) =>
        string.Create(CultureInfo.InvariantCulture, $"(x0 {box[0]}, y0 {box[1]}, x1 {box[2]}, y1 {box[3]})");

    private static ArgumentException Error(string message) => new(message, "input");
}
