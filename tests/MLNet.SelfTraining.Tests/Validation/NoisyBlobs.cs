using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests.Validation;

/// <summary>
/// <see cref="Blobs"/> rows with a second, uninformative feature vector (<c>Noise</c>), so a student pipeline that
/// reads it instead of <c>Features</c> is a real configuration built to be worse than its teacher.
/// </summary>
internal static class NoisyBlobs
{
    public static IDataView Load(MLContext ml, int perClass, int seed)
    {
        var random = new Random(seed + 1000);
        return ml.Data.LoadFromEnumerable(Blobs.Make(perClass, seed).Select(r => new Row
        {
            Label = r.Label,
            TrueLabel = r.TrueLabel,
            Features = r.Features,
            Noise = [(float)random.NextDouble(), (float)random.NextDouble()],
        }));
    }

    /// <summary>A student that trains on <c>Noise</c> in place of <c>Features</c>: it cannot beat a teacher that reads the blobs.</summary>
    public static IEstimator<ITransformer> NoiseStudent(MLContext ml)
        => ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Concatenate("Features", "Noise"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: DefaultColumnNames.Weight));

    public sealed class Row
    {
        public string Label { get; set; } = "";

        public string TrueLabel { get; set; } = "";

        [VectorType(2)]
        public float[] Features { get; set; } = [];

        [VectorType(2)]
        public float[] Noise { get; set; } = [];
    }
}
