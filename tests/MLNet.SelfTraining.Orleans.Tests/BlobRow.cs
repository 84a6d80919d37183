using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>A row of three Gaussian blobs in four dimensions.</summary>
public sealed class BlobRow
{
    [VectorType(4)]
    public float[] Features { get; set; } = [];

    public string Label { get; set; } = "";

    public static List<BlobRow> Make(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            int blob = random.Next(3);
            return new BlobRow
            {
                Label = ((char)('a' + blob)).ToString(),
                Features = Enumerable.Range(0, 4).Select(d => (float)((d == blob ? 2.0 : 0.0) + random.NextDouble() * 2 - 1)).ToArray(),
            };
        }).ToList();
    }
}
