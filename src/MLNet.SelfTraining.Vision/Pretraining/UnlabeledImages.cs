using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Vision.Tasks;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>
/// The images of self-supervised training, read into memory in one cursor pass (pixels multiplied by the input scale).
/// Rows with a non-finite (NaN or ±Inf) pixel are skipped and counted in a warning, as ML.NET trainers skip rows with
/// missing values.
/// </summary>
internal sealed class UnlabeledImages
{
    private UnlabeledImages(int count, float[] pixels)
    {
        Count = count;
        Pixels = pixels;
    }

    /// <summary>Images kept.</summary>
    public int Count { get; }

    /// <summary>Row-major pixels, <see cref="Count"/> × C·H·W.</summary>
    public float[] Pixels { get; }

    /// <summary>Reads the image column of <paramref name="data"/>.</summary>
    /// <exception cref="InvalidOperationException">Fewer than 2 images are usable (one image has no negatives).</exception>
    public static UnlabeledImages Read(IDataView data, DataViewSchema.Column features, float inputScale, IChannel channel)
    {
        using var cursor = data.GetRowCursor([features]);
        var rows = new ImageRowReader(cursor, features, weight: null, flag: null, inputScale);
        long total = 0;
        while (cursor.MoveNext())
        {
            total++;
            if (rows.ReadPixels())
            {
                rows.Keep();
            }
        }

        var skipped = total - rows.Count;
        if (rows.Count < 2)
        {
            throw new InvalidOperationException(
                $"Contrastive training needs at least 2 images in column '{features.Name}' (each image's negatives are the others); "
                + $"got {rows.Count} usable of {total} rows ({skipped} with non-finite (NaN or ±Inf) pixels).");
        }

        if (skipped > 0)
        {
            channel.Warning(MessageSensitivity.None,
                $"Skipped {skipped} of {total} training rows with non-finite (NaN or ±Inf) pixels in column '{features.Name}'.");
        }

        return new UnlabeledImages(rows.Count, rows.Pixels());
    }
}
