using Microsoft.ML;
using MLNet.SelfTraining.Tasks.Detection;

namespace MLNet.SelfTraining.Evaluation;

/// <summary>
/// Reads and checks a detector's output on the current row for evaluation: a class key (1…K), 4 finite coordinates
/// with x0 ≤ x1 and y0 ≤ y1, and a finite score per box. Every message names the column, the row and the box.
/// </summary>
internal sealed class PredictedBoxReader
{
    private readonly Func<ReadOnlyMemory<uint>> _keys;
    private readonly Func<ReadOnlyMemory<float>> _boxes;
    private readonly Func<ReadOnlyMemory<float>> _scores;
    private readonly (string Keys, string Boxes, string Scores) _names;
    private readonly int _classCount;

    public PredictedBoxReader(DataViewRow row, DataViewSchema.Column keys, DataViewSchema.Column boxes, DataViewSchema.Column scores, int classCount)
    {
        _keys = BoxColumns.MakeReader<uint>(row, keys);
        _boxes = BoxColumns.MakeReader<float>(row, boxes);
        _scores = BoxColumns.MakeReader<float>(row, scores);
        (_names, _classCount) = ((keys.Name, boxes.Name, scores.Name), classCount);
    }

    /// <summary>Reads the current row (row <paramref name="row"/>, for messages) into new arrays: classes 0…K−1, boxes, scores.</summary>
    /// <exception cref="ArgumentException">The lengths disagree, or a key, coordinate or score is invalid.</exception>
    public (int[] Classes, float[] Boxes, float[] Scores) Read(long row)
    {
        var keys = _keys().Span;
        var boxes = _boxes().Span;
        var scores = _scores().Span;
        if (boxes.Length != 4 * keys.Length || scores.Length != keys.Length)
        {
            throw Fail($"Predicted columns were expected to hold, per box, a class key in '{_names.Keys}', 4 coordinates in '{_names.Boxes}' and a score in '{_names.Scores}'; got {keys.Length} keys, {boxes.Length} coordinates and {scores.Length} scores at row {row}.");
        }

        var classes = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] is 0 || keys[i] > _classCount)
            {
                throw Fail($"Predicted label column '{_names.Keys}' was expected to hold keys 1…{_classCount}; got {keys[i]} at row {row}, box {i}.");
            }

            if (!float.IsFinite(scores[i]))
            {
                throw Fail($"Score column '{_names.Scores}' was expected to hold finite scores; got {scores[i]} at row {row}, box {i}.");
            }

            var box = boxes.Slice(4 * i, 4);
            if (!float.IsFinite(box[0]) || !float.IsFinite(box[1]) || !float.IsFinite(box[2]) || !float.IsFinite(box[3]) || box[2] < box[0] || box[3] < box[1])
            {
                throw Fail($"Predicted box column '{_names.Boxes}' was expected to hold finite boxes with x0 ≤ x1 and y0 ≤ y1; got ({box[0]}, {box[1]}, {box[2]}, {box[3]}) at row {row}, box {i}.");
            }

            classes[i] = (int)keys[i] - 1;
        }

        return (classes, boxes.ToArray(), scores.ToArray());
    }

    private static ArgumentException Fail(string message) => new(message, "data");
}
