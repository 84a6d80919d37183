using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// Reads segmentation training rows into a <see cref="SegmentationSet"/> in one cursor pass. Rows with a non-finite
/// (NaN or ±Inf) pixel or weight are skipped, as ML.NET trainers skip rows with missing values, and so are rows whose
/// mask is 255 everywhere (they would add nothing to the loss); the skipped rows are counted in a warning. A mask value
/// that is neither a class index (below the class count) nor 255 is an error naming the row, the pixel and the value:
/// it means the class count or the masks are wrong, which skipping would hide.
/// </summary>
internal static class SegmentationSetReader
{
    /// <exception cref="InvalidOperationException">A mask holds a value out of range, or no row is usable.</exception>
    public static SegmentationSet Read(IDataView data, SegmentationColumns columns, int classCount, int imageWidth, float inputScale, IChannel channel)
    {
        var active = new[] { columns.Features, columns.Mask, columns.Weight, columns.PseudoFlag }.OfType<DataViewSchema.Column>().ToArray();
        using var cursor = data.GetRowCursor(active);
        var rows = new ImageRowReader(cursor, columns.Features, columns.Weight, columns.PseudoFlag, inputScale);
        var getMask = cursor.GetGetter<VBuffer<byte>>(columns.Mask);
        var masks = new List<byte>();
        var mask = default(VBuffer<byte>);
        var maskRow = new byte[((VectorDataViewType)columns.Mask.Type).Size];
        long total = 0, badPixels = 0, badWeight = 0, unlabeled = 0;
        while (cursor.MoveNext())
        {
            total++;
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

            getMask(ref mask);
            mask.CopyTo(maskRow);
            if (!HasLabeledPixel(maskRow, classCount, cursor.Position, columns.Mask.Name, imageWidth))
            {
                unlabeled++;
                continue;
            }

            rows.Keep();
            masks.AddRange(maskRow);
        }

        var reasons = $"{badPixels} with non-finite (NaN or ±Inf) pixels in column '{columns.Features.Name}', {badWeight} with a non-finite weight, "
            + $"{unlabeled} with no labeled pixel (mask all {SegmentationMasks.Ignore}) in column '{columns.Mask.Name}'";
        if (rows.Count == 0)
        {
            throw new InvalidOperationException(total == 0
                ? $"The training data is empty: no rows to read from feature column '{columns.Features.Name}' and mask column '{columns.Mask.Name}'."
                : unlabeled == total
                    ? $"None of the {total} training rows has a labeled pixel: every mask in column '{columns.Mask.Name}' is {SegmentationMasks.Ignore} (ignore) everywhere."
                    : $"None of the {total} training rows is usable: {reasons}.");
        }

        if (rows.Count < total)
        {
            channel.Warning(MessageSensitivity.None, $"Skipped {total - rows.Count} of {total} training rows: {reasons}.");
        }

        return new SegmentationSet
        {
            Count = rows.Count,
            Pixels = rows.Pixels(),
            Masks = [.. masks],
            Weights = rows.Weights(),
            IsPseudo = rows.IsPseudo(),
        };
    }

    /// <summary>Whether the mask has a pixel of a class; throws on a value that is neither a class nor 255.</summary>
    private static bool HasLabeledPixel(byte[] mask, int classCount, long row, string column, int width)
    {
        var labeled = false;
        for (var p = 0; p < mask.Length; p++)
        {
            if (mask[p] < classCount)
            {
                labeled = true;
            }
            else if (mask[p] != SegmentationMasks.Ignore)
            {
                throw new InvalidOperationException(
                    $"Row {row} of mask column '{column}' has the value {mask[p]} at pixel (y {p / width}, x {p % width}); "
                    + $"expected a class index 0 to {classCount - 1} ({classCount} classes) or {SegmentationMasks.Ignore} (ignore).");
            }
        }

        return labeled;
    }
}
