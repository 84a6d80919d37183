using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>The view an exported model's ML.NET chain is fitted on: no rows, one column, the image column.</summary>
internal static class OnnxInputView
{
    /// <summary>No rows; one column named <paramref name="featureColumnName"/>, a known-size vector of <paramref name="size"/> Single (C·H·W).</summary>
    public static IDataView Empty(MLContext mlContext, string featureColumnName, int size)
    {
        var definition = SchemaDefinition.Create(typeof(ImageVector));
        definition[0].ColumnName = featureColumnName;
        definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return mlContext.Data.LoadFromEnumerable(Array.Empty<ImageVector>(), definition);
    }

    private sealed class ImageVector
    {
        public float[] Pixels { get; set; } = [];
    }
}
