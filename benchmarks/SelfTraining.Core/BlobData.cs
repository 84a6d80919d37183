using Microsoft.ML;
using Microsoft.ML.Data;

namespace SelfTraining.Core;

/// <summary>
/// Gaussian blobs generated lazily and deterministically: row <c>i</c> of a stream depends only on (seed, stream,
/// i), so every cursor sees the same rows and nothing is ever materialized. Class centers are N(0, spread²) per
/// feature, rows add N(0, 1) noise; labels are uniform over the classes.
/// </summary>
internal sealed class BlobData
{
    private readonly ulong _seed;
    private readonly float[][] _centers;

    public BlobData(ulong seed, int width, int classes, float spread)
    {
        _seed = seed;
        Width = width;
        Classes = classes;
        _centers = new float[classes][];
        for (int c = 0; c < classes; c++)
        {
            var rng = new SplitMix64(Mix(seed, ulong.MaxValue - (ulong)c));
            _centers[c] = new float[width];
            for (int j = 0; j < width; j++)
            {
                _centers[c][j] = spread * rng.NextGaussian();
            }
        }
    }

    public int Width { get; }

    public int Classes { get; }

    /// <summary>A lazy view of <paramref name="count"/> rows of stream <paramref name="stream"/> (Label is a key with the true class).</summary>
    public IDataView Load(MLContext ml, int stream, long count)
    {
        var schema = SchemaDefinition.Create(typeof(BlobRow));
        schema[nameof(BlobRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), Classes);
        schema[nameof(BlobRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Width);
        return ml.Data.LoadFromEnumerable(Rows(stream, count), schema);
    }

    private IEnumerable<BlobRow> Rows(int stream, long count)
    {
        for (long i = 0; i < count; i++)
        {
            var rng = new SplitMix64(Mix(_seed ^ ((ulong)stream << 48), (ulong)i));
            int label = (int)(rng.Next() % (ulong)Classes);
            var features = new float[Width];
            var center = _centers[label];
            for (int j = 0; j < Width; j++)
            {
                features[j] = center[j] + rng.NextGaussian();
            }

            yield return new BlobRow { Label = (uint)label, Features = features }; // LoadFromEnumerable stores key k as k + 1
        }
    }

    private static ulong Mix(ulong a, ulong b) => new SplitMix64(a * 0x9E3779B97F4A7C15UL + b).Next();
}
