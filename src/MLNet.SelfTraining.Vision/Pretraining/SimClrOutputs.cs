using Microsoft.ML;
using MLNet.SelfTraining.Schema;
using MLNet.SelfTraining.Vision.Data;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>The scored schema of a pre-trained backbone: every input column, then the embedding column.</summary>
internal static class SimClrOutputs
{
    /// <summary>Checks <paramref name="input"/> for scoring and builds the scored schema.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or has the wrong type or size.</exception>
    public static ScoredSchema Create(DataViewSchema input, SimClrInfo info)
    {
        var features = ImageColumnChecks.Features(input, info.FeatureColumnName, info.Backbone.Channels, info.ImageHeight, info.ImageWidth);
        return new ScoredSchema(input, features, [Embedding(info.OutputColumnName, info.EmbeddingSize)]);
    }

    /// <summary>The output shape before fitting: <paramref name="input"/> with the embedding column added (or replaced).</summary>
    public static SchemaShape Shape(SchemaShape input, string outputColumnName, int embeddingSize) =>
        ShapeColumns.With(input, [(outputColumnName, Embedding(outputColumnName, embeddingSize).Type)]);

    private static FloatVectorColumn Embedding(string name, int size) => new(name, size, 0, DataViewSchema.Annotations.Empty);
}
