using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace MLNet.SelfTraining.Tests.Tasks.Detection;

/// <summary>
/// The ink-blob detector's model as saveable ML.NET stages: <see cref="BlobMapping"/> finds and describes the blobs (no
/// state), a value mapping puts the learned class centroids in a column, and <see cref="NearestCentroidMapping"/> labels
/// each blob with the class of its nearest centroid, scored by a softmax over −distance² / <see cref="Temperature"/>.
/// Register this assembly in the loading context (<c>ComponentCatalog.RegisterAssembly</c>) to load a saved model.
/// </summary>
internal static class InkBlobMappings
{
    public const int ClassCount = 10;
    public const string CentroidKey = "centroids";
    private const float Temperature = 0.1f;

    public sealed class Image
    {
        [VectorType(1, InkBlobs.Canvas, InkBlobs.Canvas)]
        public float[] Features { get; set; } = [];
    }

    public sealed class Blobs
    {
        public float[] BlobBoxes { get; set; } = [];

        public float[] BlobDescriptors { get; set; } = [];

        public string CentroidsKey { get; set; } = CentroidKey;
    }

    public sealed class Described
    {
        public float[] BlobBoxes { get; set; } = [];

        public float[] BlobDescriptors { get; set; } = [];

        public float[] Centroids { get; set; } = [];
    }

    public sealed class Detections
    {
        [KeyType(ClassCount)]
        public uint[] PredictedLabel { get; set; } = [];

        public float[] PredictedBoundingBoxes { get; set; } = [];

        public float[] Score { get; set; } = [];
    }

    [CustomMappingFactoryAttribute(Contract)]
    public sealed class BlobMapping : CustomMappingFactory<Image, Blobs>
    {
        public const string Contract = "MLNet.SelfTraining.Tests.InkBlobs";

        public override Action<Image, Blobs> GetMapping() => (image, blobs) =>
        {
            blobs.BlobBoxes = InkBlobs.Find(image.Features);
            blobs.BlobDescriptors = [.. Enumerable.Range(0, blobs.BlobBoxes.Length / 4).SelectMany(i => InkBlobs.Describe(image.Features, blobs.BlobBoxes, i))];
            blobs.CentroidsKey = CentroidKey;
        };
    }

    [CustomMappingFactoryAttribute(Contract)]
    public sealed class NearestCentroidMapping : CustomMappingFactory<Described, Detections>
    {
        public const string Contract = "MLNet.SelfTraining.Tests.NearestCentroid";

        public override Action<Described, Detections> GetMapping() => (input, output) =>
        {
            int count = input.BlobBoxes.Length / 4;
            var detections = Enumerable.Range(0, count).Select(i => Classify(input.BlobDescriptors.AsSpan(i * InkBlobs.DescriptorLength, InkBlobs.DescriptorLength), input.Centroids))
                .Select((d, i) => (d.Class, d.Score, Box: input.BlobBoxes[(4 * i)..((4 * i) + 4)]))
                .Where(d => d.Class >= 0)
                .OrderByDescending(d => d.Score)
                .ToList();
            output.PredictedLabel = [.. detections.Select(d => (uint)d.Class + 1)];
            output.Score = [.. detections.Select(d => d.Score)];
            output.PredictedBoundingBoxes = [.. detections.SelectMany(d => d.Box)];
        };

        private static (int Class, float Score) Classify(ReadOnlySpan<float> descriptor, float[] centroids)
        {
            var weights = new double[ClassCount];
            for (int c = 0; c < ClassCount; c++)
            {
                var centroid = centroids.AsSpan(c * InkBlobs.DescriptorLength, InkBlobs.DescriptorLength);
                double distance = 0;
                for (int j = 0; j < descriptor.Length; j++)
                {
                    distance += (descriptor[j] - centroid[j]) * (descriptor[j] - centroid[j]);
                }

                weights[c] = double.IsNaN(distance) ? 0 : Math.Exp(-distance / Temperature);
            }

            double total = weights.Sum();
            int best = Array.IndexOf(weights, weights.Max());
            return total > 0 ? (best, (float)(weights[best] / total)) : (-1, 0f);
        }
    }
}
