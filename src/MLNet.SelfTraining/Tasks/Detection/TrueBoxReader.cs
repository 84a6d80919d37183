using Microsoft.ML;

namespace MLNet.SelfTraining.Tasks.Detection;

/// <summary>
/// Reads and checks the true boxes of the current row: a key column (one class per box) and a box column (4
/// coordinates per box) whose lengths agree, keys 1…K (key 0, "missing", is no class), finite coordinates and boxes of
/// positive area (x0 &lt; x1, y0 &lt; y1). Every message names the columns, the row and the box.
/// </summary>
internal sealed class TrueBoxReader
{
    private readonly Func<ReadOnlyMemory<uint>> _keys;
    private readonly Func<ReadOnlyMemory<float>> _boxes;
    private readonly string _labelColumn;
    private readonly string _boxColumn;
    private readonly int _classCount;
    private readonly Func<string, Exception> _fail;

    /// <param name="row">The cursor.</param>
    /// <param name="labels">The key column (checked by <see cref="BoxColumns.KeyCount"/>).</param>
    /// <param name="boxes">The box column (checked by <see cref="BoxColumns.CheckSingles"/>).</param>
    /// <param name="classCount">K.</param>
    /// <param name="fail">Makes the exception from a message.</param>
    public TrueBoxReader(DataViewRow row, DataViewSchema.Column labels, DataViewSchema.Column boxes, int classCount, Func<string, Exception> fail)
    {
        _keys = BoxColumns.MakeReader<uint>(row, labels);
        _boxes = BoxColumns.MakeReader<float>(row, boxes);
        (_labelColumn, _boxColumn, _classCount, _fail) = (labels.Name, boxes.Name, classCount, fail);
    }

    /// <summary>Reads the current row (row <paramref name="row"/>, for messages): its classes (0…K−1) and boxes, in new arrays.</summary>
    public (int[] Classes, float[] Boxes) Read(long row)
    {
        var keys = _keys().Span;
        var boxes = _boxes().Span;
        if (boxes.Length != 4 * keys.Length)
        {
            throw _fail(
                $"Box column '{_boxColumn}' was expected to hold 4 coordinates (x0, y0, x1, y1) per class key of '{_labelColumn}'; got {boxes.Length} coordinates for {keys.Length} keys at row {row}.");
        }

        var classes = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] is 0 || keys[i] > _classCount)
            {
                throw _fail(keys[i] == 0
                    ? $"Label column '{_labelColumn}' was expected to hold a class key (1…{_classCount}) per box; got key 0 (missing) at row {row}, box {i}. An image with no object has no box at all."
                    : $"Label column '{_labelColumn}' was expected to hold keys 1…{_classCount}; got {keys[i]} at row {row}, box {i}.");
            }

            classes[i] = (int)keys[i] - 1;
            var box = boxes.Slice(4 * i, 4);
            if (!float.IsFinite(box[0]) || !float.IsFinite(box[1]) || !float.IsFinite(box[2]) || !float.IsFinite(box[3]))
            {
                throw _fail($"Box column '{_boxColumn}' was expected to hold finite coordinates; got ({Describe(box)}) at row {row}, box {i}.");
            }

            if (!BoxGeometry.HasArea(boxes, i))
            {
                throw _fail(
                    $"Box column '{_boxColumn}' was expected to hold boxes with x0 < x1 and y0 < y1 (pixels, x to the right, y down); got ({Describe(box)}) at row {row}, box {i}.");
            }
        }

        return (classes, boxes.ToArray());
    }

    private static string Describe(ReadOnlySpan<float> box) => $"{box[0]}, {box[1]}, {box[2]}, {box[3]}";
}
