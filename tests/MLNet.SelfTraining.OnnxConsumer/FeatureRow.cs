using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>An unlabeled input row for a prediction engine: the image's pixels in the model's feature column.</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    /// <summary>The row's schema definition with <see cref="Features"/> named and typed as the model's feature column.</summary>
    public static SchemaDefinition Definition(DataViewSchema.Column features)
    {
        var definition = SchemaDefinition.Create(typeof(FeatureRow));
        definition[nameof(Features)].ColumnName = features.Name;
        definition[nameof(Features)].ColumnType = features.Type;
        return definition;
    }
}
