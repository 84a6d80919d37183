using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

/// <summary>
/// Tiny seeded 1×32×32 detection scenes: noise in [0, 0.2] with one or two non-overlapping squares of side 6 to 10,
/// each dim (0.55, class "dim", key 1) or bright (1.0, class "bright", key 2), boxed exactly.
/// </summary>
internal static class SyntheticBoxes
{
    public const int Side = 32;
    public const int PixelCount = Side * Side;
    public static readonly string[] Classes = ["dim", "bright"];

    public static BoxRow[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Draw(random))];
    }

    /// <summary>Rows as a data view whose label column carries the class names as key values (or none).</summary>
    public static IDataView View(MLContext mlContext, IEnumerable<BoxRow> rows, bool keyValues = true) =>
        mlContext.Data.LoadFromEnumerable(rows, Definition(typeof(BoxRow), keyValues));

    /// <summary>A schema definition of <paramref name="rowType"/> whose <c>Labels</c> column has the class names as key values.</summary>
    public static SchemaDefinition Definition(Type rowType, bool keyValues = true)
    {
        var definition = SchemaDefinition.Create(rowType);
        if (keyValues)
        {
            var names = Classes.Select(c => c.AsMemory()).ToArray();
            definition[nameof(BoxRow.Labels)].AddAnnotation(Data.AnnotationNames.KeyValues,
                new VBuffer<ReadOnlyMemory<char>>(names.Length, names), new VectorDataViewType(TextDataViewType.Instance, names.Length));
        }

        return definition;
    }

    /// <summary>Options for fast tests: the small CNN at width 8 on 1×32×32 scenes, a fixed seed, few steps.</summary>
    public static TorchObjectDetectorTrainer.Options Options(int steps = 60, int seed = 1) => new()
    {
        Network = new NetworkOptions { ImageChannels = 1, ImageHeight = Side, ImageWidth = Side, BaseWidth = 8 },
        Optimization = new OptimizationOptions { NumberOfSteps = steps, BatchSize = 16, LearningRate = 0.01, Seed = seed, InferenceBatchSize = 32 },
    };

    /// <summary>The detections of every row of a scored view.</summary>
    public static Detections[] Detect(IDataView scored) =>
        [.. new MLContext().Data.CreateEnumerable<Detections>(scored, reuseRowObject: false)];

    private static BoxRow Draw(Random random)
    {
        var row = new BoxRow { Features = new float[PixelCount] };
        for (var p = 0; p < PixelCount; p++)
        {
            row.Features[p] = 0.2f * random.NextSingle();
        }

        var (labels, boxes) = (new List<uint>(), new List<float>());
        for (var attempt = random.Next(1, 3); attempt > 0; attempt--)
        {
            var size = random.Next(6, 11);
            var (top, left) = (random.Next(0, Side - size), random.Next(0, Side - size));
            var overlaps = Enumerable.Range(0, labels.Count).Any(b =>
                left < boxes[(4 * b) + 2] + 1 && boxes[4 * b] < left + size + 1 && top < boxes[(4 * b) + 3] + 1 && boxes[(4 * b) + 1] < top + size + 1);
            if (overlaps)
            {
                continue;
            }

            var key = (uint)random.Next(1, 3);
            for (var y = top; y < top + size; y++)
            {
                for (var x = left; x < left + size; x++)
                {
                    row.Features[(y * Side) + x] = key == 1 ? 0.55f : 1f;
                }
            }

            labels.Add(key);
            boxes.AddRange([left, top, left + size, top + size]);
        }

        row.Labels = [.. labels];
        row.Box = [.. boxes];
        return row;
    }
}

/// <summary>One synthetic detection scene.</summary>
public sealed class BoxRow
{
    [VectorType(SyntheticBoxes.PixelCount)]
    public float[] Features { get; set; } = [];

    [KeyType(2)]
    public uint[] Labels { get; set; } = [];

    public float[] Box { get; set; } = [];
}

/// <summary>The three output columns of a scored row.</summary>
public sealed class Detections
{
    public uint[] PredictedLabel { get; set; } = [];

    public float[] Score { get; set; } = [];

    public float[] PredictedBoundingBoxes { get; set; } = [];
}
