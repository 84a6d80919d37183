using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// Reads detection training rows into a <see cref="DetectionSet"/> in one cursor pass. Each row's labels and boxes are
/// checked first (<see cref="DetectionLabelChecks"/>: an invalid one is an error naming the row and the box; boxes
/// reaching past the image are clipped to it). A row with no box is an image known to hold no object and is trained on
/// (every cell is background). Rows with a non-finite (NaN or ±Inf) pixel or weight are skipped, as ML.NET trainers skip
/// rows with missing values, and counted in a warning.
/// </summary>
internal static class DetectionSetReader
{
    /// <exception cref="ArgumentException">A row's labels or boxes are invalid.</exception>
    /// <exception cref="InvalidOperationException">No row is usable.</exception>
    public static DetectionSet Read(IDataView data, DetectionColumns columns, DetectionLabelChecks checks, float inputScale, IChannel channel)
    {
        var active = new[] { columns.Features, columns.Labels, columns.Box, columns.Weight, columns.PseudoFlag }.OfType<DataViewSchema.Column>().ToArray();
        using var cursor = data.GetRowCursor(active);
        var rows = new ImageRowReader(cursor, columns.Features, columns.Weight, columns.PseudoFlag, inputScale);
        var getLabels = cursor.GetGetter<VBuffer<uint>>(columns.Labels);
        var getBoxes = cursor.GetGetter<VBuffer<float>>(columns.Box);
        var (labels, boxes) = (default(VBuffer<uint>), default(VBuffer<float>));
        var (keptBoxes, keptClasses) = (new List<float[]>(), new List<long[]>());
        long total = 0, badPixels = 0, badWeight = 0;
        while (cursor.MoveNext())
        {
            total++;
            getLabels(ref labels);
            getBoxes(ref boxes);
            var (classes, corners) = checks.Read(cursor.Position, labels.DenseValues().ToArray(), boxes.DenseValues().ToArray());
            if (!rows.ReadPixels())
            {
                badPixels++;
                continue;
            }

            if (!rows.ReadWeight())
            {
                badWeight++;
                continue;
            }

            rows.Keep();
            keptBoxes.Add(corners);
            keptClasses.Add(classes);
        }

        var reasons = $"{badPixels} with non-finite (NaN or ±Inf) pixels in column '{columns.Features.Name}', {badWeight} with a non-finite weight";
        if (rows.Count == 0)
        {
            throw new InvalidOperationException(total == 0
                ? $"The training data is empty: no rows to read from feature column '{columns.Features.Name}' and box column '{columns.Box.Name}'."
                : $"None of the {total} training rows is usable: {reasons}.");
        }

        if (rows.Count < total)
        {
            channel.Warning(MessageSensitivity.None, $"Skipped {total - rows.Count} of {total} training rows: {reasons}.");
        }

        return new DetectionSet
        {
            Count = rows.Count,
            Pixels = rows.Pixels(),
            Boxes = [.. keptBoxes],
            Classes = [.. keptClasses],
            Weights = rows.Weights(),
            IsPseudo = rows.IsPseudo(),
        };
    }
}
