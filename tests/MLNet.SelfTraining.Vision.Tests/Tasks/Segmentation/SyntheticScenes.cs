using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

/// <summary>
/// Tiny seeded 1×32×32 scenes: noise in [0, 0.2] with one or two squares of side 6 to 10, each dim (0.55, class "dim")
/// or bright (1.0, class "bright"); the mask is the square's class, 0 ("background") elsewhere.
/// </summary>
internal static class SyntheticScenes
{
    public const int Side = 32;
    public const int PixelCount = Side * Side;
    public static readonly string[] Classes = ["background", "dim", "bright"];

    public static SceneRow[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Draw(random))];
    }

    /// <summary>Rows as a data view whose mask column carries the class names annotation (or none).</summary>
    public static IDataView View(MLContext mlContext, IEnumerable<SceneRow> rows, bool classNames = true) =>
        mlContext.Data.LoadFromEnumerable(rows, Definition(typeof(SceneRow), classNames));

    /// <summary>A schema definition of <paramref name="rowType"/> whose <c>Mask</c> column has the class names annotation.</summary>
    public static SchemaDefinition Definition(Type rowType, bool classNames = true)
    {
        var definition = SchemaDefinition.Create(rowType);
        if (classNames)
        {
            var names = Classes.Select(c => c.AsMemory()).ToArray();
            definition[nameof(SceneRow.Mask)].AddAnnotation(SegmentationMasks.ClassNamesAnnotation,
                new VBuffer<ReadOnlyMemory<char>>(names.Length, names), new VectorDataViewType(TextDataViewType.Instance, names.Length));
        }

        return definition;
    }

    /// <summary>Options for fast tests: the small CNN at width 8 on 1×32×32 scenes, a fixed seed, few steps.</summary>
    public static TorchImageSegmenterTrainer.Options Options(int steps = 60, int seed = 1) => new()
    {
        Network = new NetworkOptions { ImageChannels = 1, ImageHeight = Side, ImageWidth = Side, BaseWidth = 8, DropoutRate = 0 },
        Optimization = new OptimizationOptions { NumberOfSteps = steps, BatchSize = 16, LearningRate = 0.01, Seed = seed, InferenceBatchSize = 32 },
    };

    /// <summary>The <c>PredictedMask</c> of every row of a scored view.</summary>
    public static byte[][] PredictedMasks(IDataView scored) =>
        [.. scored.GetColumn<byte[]>(scored.Schema[DefaultColumnNames.PredictedMask])];

    private static SceneRow Draw(Random random)
    {
        var row = new SceneRow { Features = new float[PixelCount], Mask = new byte[PixelCount] };
        for (var p = 0; p < PixelCount; p++)
        {
            row.Features[p] = 0.2f * random.NextSingle();
        }

        for (var square = random.Next(1, 3); square > 0; square--)
        {
            var size = random.Next(6, 11);
            var (top, left) = (random.Next(0, Side - size), random.Next(0, Side - size));
            var cls = (byte)random.Next(1, 3);
            for (var y = top; y < top + size; y++)
            {
                for (var x = left; x < left + size; x++)
                {
                    row.Features[(y * Side) + x] = cls == 1 ? 0.55f : 1f;
                    row.Mask[(y * Side) + x] = cls;
                }
            }
        }

        return row;
    }
}

/// <summary>One synthetic scene.</summary>
public sealed class SceneRow
{
    [VectorType(SyntheticScenes.PixelCount)]
    public float[] Features { get; set; } = [];

    [VectorType(SyntheticScenes.PixelCount)]
    public byte[] Mask { get; set; } = [];
}
