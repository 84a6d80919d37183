using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Tests.Infrastructure;

/// <summary>
/// Tiny seeded 1×12×12 images in three classes: a horizontal bar ("h"), a vertical bar ("v") or a 3×3 square ("sq") at a
/// random position, on noise in [0, 0.2].
/// </summary>
internal static class SyntheticImages
{
    public const int Side = 12;
    public const int PixelCount = Side * Side;
    public static readonly string[] Classes = ["h", "v", "sq"];

    public static ImageRow[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new ImageRow[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % Classes.Length;
            rows[i] = new ImageRow { Features = Draw(label, random), Label = Classes[label] };
        }
        return rows;
    }

    /// <summary>Rows as a data view with a key-typed label (key values h, v, sq).</summary>
    public static IDataView KeyedView(MLContext mlContext, IEnumerable<ImageRow> rows)
    {
        var raw = mlContext.Data.LoadFromEnumerable(rows);
        var keyData = mlContext.Data.LoadFromEnumerable(Classes.Select(c => new LabelRow { Label = c }));
        return mlContext.Transforms.Conversion.MapValueToKey("Label", keyData: keyData).Fit(raw).Transform(raw);
    }

    /// <summary>The <c>PredictedLabel</c> key of every row of a scored view (1-based key values h, v, sq).</summary>
    public static uint[] PredictedKeys(MLContext mlContext, IDataView scored) =>
        mlContext.Data.CreateEnumerable<KeyPrediction>(scored, reuseRowObject: false).Select(p => p.PredictedLabel).ToArray();

    private static float[] Draw(int label, Random random)
    {
        var pixels = new float[PixelCount];
        for (var p = 0; p < pixels.Length; p++)
        {
            pixels[p] = 0.2f * random.NextSingle();
        }

        var row = random.Next(2, Side - 3);
        var column = random.Next(2, Side - 3);
        for (var k = 0; k < 8; k++)
        {
            var (y, x) = label switch
            {
                0 => (row, 2 + k),
                1 => (2 + k, column),
                _ => (row + (k % 3), column + (k / 3)),
            };
            pixels[(Math.Min(y, Side - 1) * Side) + Math.Min(x, Side - 1)] = 1f;
        }
        return pixels;
    }
}

/// <summary>One synthetic image row.</summary>
public sealed class ImageRow
{
    [VectorType(SyntheticImages.PixelCount)]
    public float[] Features { get; set; } = [];

    public string Label { get; set; } = "";
}

/// <summary>A scored row's predicted key.</summary>
public sealed class KeyPrediction
{
    [KeyType(3)]
    public uint PredictedLabel { get; set; }
}

/// <summary>A label-only row (key data for <c>MapValueToKey</c>).</summary>
public sealed class LabelRow
{
    public string Label { get; set; } = "";
}
