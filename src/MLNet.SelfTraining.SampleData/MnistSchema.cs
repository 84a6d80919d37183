using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData;

/// <summary>The schema of MNIST data views: a digit key column and a fixed-size image vector column.</summary>
internal static class MnistSchema
{
    /// <summary>The index of the label column in the schema; the features column follows it.</summary>
    public const int LabelIndex = 0;

    /// <summary>The features type: 784 <see cref="float"/> values of shape 1 × 28 × 28.</summary>
    private static readonly VectorDataViewType s_featuresType =
        new(NumberDataViewType.Single, 1, MnistData.ImageSide, MnistData.ImageSide);

    /// <summary>Creates the schema with the given name for the features column.</summary>
    public static DataViewSchema Create(string featuresColumnName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(featuresColumnName);
        if (featuresColumnName == MnistDataset.LabelColumnName)
        {
            throw new ArgumentException(
                $"Expected a features column name other than '{MnistDataset.LabelColumnName}' (the label column); got '{featuresColumnName}'.",
                nameof(featuresColumnName));
        }

        var builder = new DataViewSchema.Builder();
        builder.AddColumn(MnistDataset.LabelColumnName, DigitKeys.Type, DigitKeys.KeyValues());
        builder.AddColumn(featuresColumnName, s_featuresType);
        return builder.ToSchema();
    }
}
