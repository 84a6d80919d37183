using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Data;

/// <summary>The image column check every TorchSharp image task shares, for fitting and scoring.</summary>
internal static class ImageColumnChecks
{
    /// <summary>Returns the image column, which must be a known-size <see cref="float"/> vector of C·H·W values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or has another type or size.</exception>
    public static DataViewSchema.Column Features(DataViewSchema schema, string name, int channels, int height, int width)
    {
        var column = schema.GetColumnOrNull(name) ?? throw SchemaErrors.Missing("feature", name);
        var size = channels * height * width;
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType, Size: var actual } vector
            || vector.ItemType != NumberDataViewType.Single || actual != size)
        {
            throw SchemaErrors.Mismatch("feature", name,
                $"Vector<Single, {size}> ({channels}×{height}×{width} from the image shape options)",
                $"{column.Type}");
        }
        return column;
    }
}
