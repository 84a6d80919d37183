using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData;

/// <summary>The schema of MNIST data views: a digit key column and a fixed-size image vector column.</summary>
internal static class MnistSchema
{
    /// <summary>The index of the label column in the schema; the features column follows it.</summary>
    public const int LabelIndex = 0;

    /// <summary>The annotation kind ML.NET reads key values from (AnnotationUtils.Kinds.KeyValues, not public).</summary>
    private const string KeyValuesKind = "KeyValues";

    /// <summary>The label type: <see cref="uint"/> keys 1 to 10 for digits 0 to 9 (0 = missing).</summary>
    private static readonly KeyDataViewType s_labelType = new(typeof(uint), MnistData.ClassCount);

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

        var labelAnnotations = new DataViewSchema.Annotations.Builder();
        labelAnnotations.Add<VBuffer<ReadOnlyMemory<char>>>(
            KeyValuesKind, new VectorDataViewType(TextDataViewType.Instance, MnistData.ClassCount), GetDigitNames);
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(MnistDataset.LabelColumnName, s_labelType, labelAnnotations.ToAnnotations());
        builder.AddColumn(featuresColumnName, s_featuresType);
        return builder.ToSchema();
    }

    private static void GetDigitNames(ref VBuffer<ReadOnlyMemory<char>> value)
    {
        var editor = VBufferEditor.Create(ref value, MnistData.ClassCount);
        for (var digit = 0; digit < MnistData.ClassCount; digit++)
        {
            editor.Values[digit] = digit.ToString(System.Globalization.CultureInfo.InvariantCulture).AsMemory();
        }

        value = editor.Commit();
    }
}
