using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Vision.Data;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// Reads training rows into a <see cref="TrainingSet"/> in one cursor pass. Rows with a missing label (key 0), or a non-finite
/// (NaN or ±Inf) pixel, weight or soft target are skipped and counted in a warning, as ML.NET trainers skip rows with
/// missing values.
/// </summary>
internal static class TrainingSetReader
{
    public static TrainingSet Read(IDataView data, TrainingColumns columns, int classCount, float inputScale, IChannel channel)
    {
        var active = new[] { columns.Features, columns.Label, columns.Weight, columns.PseudoFlag, columns.SoftTarget }
            .OfType<DataViewSchema.Column>().ToArray();
        using var cursor = data.GetRowCursor(active);
        var rows = new ImageRowReader(cursor, columns.Features, columns.Weight, columns.PseudoFlag, inputScale);
        var getLabel = cursor.GetGetter<uint>(columns.Label);
        var getSoft = columns.SoftTarget is { } s ? cursor.GetGetter<VBuffer<float>>(s) : null;
        var labels = new List<long>();
        var soft = new List<float>();
        var softRow = default(VBuffer<float>);
        var softDense = new float[classCount];
        long total = 0, missingLabel = 0, badPixels = 0, badWeight = 0, badSoft = 0;
        while (cursor.MoveNext())
        {
            total++;
            uint key = 0;
            getLabel(ref key);
            if (key == 0 || key > classCount)
            {
                missingLabel++;
                continue;
            }
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
            if (getSoft is not null)
            {
                getSoft(ref softRow);
                softRow.CopyTo(softDense);
                if (FloatSpans.ContainsNonFinite(softDense))
                {
                    badSoft++;
                    continue;
                }
                soft.AddRange(softDense);
            }
            rows.Keep();
            labels.Add(key - 1);
        }

        var skipped = total - labels.Count;
        if (labels.Count == 0)
        {
            throw new InvalidOperationException(total == 0
                ? $"The training data is empty: no rows to read from feature column '{columns.Features.Name}' and label column '{columns.Label.Name}'."
                : $"None of the {total} training rows is usable: {missingLabel} have a missing label in column '{columns.Label.Name}', "
                    + $"{badPixels} have non-finite (NaN or ±Inf) pixels in column '{columns.Features.Name}', {badWeight} a non-finite weight, {badSoft} a non-finite soft target.");
        }
        if (skipped > 0)
        {
            channel.Warning(MessageSensitivity.None,
                $"Skipped {skipped} of {total} training rows: {missingLabel} with a missing label in column '{columns.Label.Name}', "
                + $"{badPixels} with non-finite (NaN or ±Inf) pixels in column '{columns.Features.Name}', {badWeight} with a non-finite weight, {badSoft} with a non-finite soft target.");
        }
        return new TrainingSet
        {
            Count = labels.Count,
            Pixels = rows.Pixels(),
            Labels = [.. labels],
            Weights = rows.Weights(),
            IsPseudo = rows.IsPseudo(),
            SoftTargets = getSoft is null ? null : [.. soft],
        };
    }
}
