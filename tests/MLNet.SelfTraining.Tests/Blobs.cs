using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests;

/// <summary>Small Gaussian-blob classification data with text labels ("" = unlabeled), for fast behaviour tests.</summary>
internal static class Blobs
{
    public static readonly string[] Classes = ["a", "b", "c"];

    public static List<Row> Make(int perClass, int seed, bool hideLabels = false, double spread = 1.0)
    {
        var random = new Random(seed);
        var rows = new List<Row>();
        for (int i = 0; i < perClass; i++)
        {
            for (int c = 0; c < Classes.Length; c++)
            {
                rows.Add(new Row
                {
                    Label = hideLabels ? "" : Classes[c],
                    TrueLabel = Classes[c],
                    Features = [(float)(3 * c + spread * Gaussian(random)), (float)(c % 2 * 3 + spread * Gaussian(random))],
                });
            }
        }

        return rows;
    }

    /// <summary>A pipeline that maps the text label to a key and ends in LBFGS maximum entropy reading "Weight".</summary>
    public static IEstimator<ITransformer> Pipeline(MLContext ml, string? weightColumn = DefaultColumnNames.Weight)
        => ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: weightColumn));

    private static double Gaussian(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public sealed class Row
    {
        public string Label { get; set; } = "";

        public string TrueLabel { get; set; } = "";

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }
}
