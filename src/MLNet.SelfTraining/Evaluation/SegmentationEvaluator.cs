using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Tasks.Segmentation;

namespace MLNet.SelfTraining.Evaluation;

/// <summary>One streaming pass over true and predicted mask columns into <see cref="SegmentationMetrics"/>.</summary>
internal static class SegmentationEvaluator
{
    public static SegmentationMetrics Evaluate(IDataView data, string labelColumnName, string predictedMaskColumnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(predictedMaskColumnName);
        var label = data.Schema.GetColumnOrNull(labelColumnName);
        var predicted = data.Schema.GetColumnOrNull(predictedMaskColumnName);
        int pixels = MaskColumns.PixelCount(label, labelColumnName, "mask", NumberDataViewType.Byte, null, m => new ArgumentException(m, nameof(labelColumnName)));
        MaskColumns.PixelCount(predicted, predictedMaskColumnName, "predicted mask", NumberDataViewType.Byte, pixels, m => new ArgumentException(m, nameof(predictedMaskColumnName)));

        var confusion = new MaskConfusion(ClassNames(label!.Value, predicted!.Value), labelColumnName, predictedMaskColumnName);
        using var cursor = data.GetRowCursor([label.Value, predicted.Value]);
        var readTruth = MaskColumns.MakeReader<byte>(cursor, label.Value, pixels);
        var readPredicted = MaskColumns.MakeReader<byte>(cursor, predicted.Value, pixels);
        for (long row = 0; cursor.MoveNext(); row++)
        {
            confusion.Add(readTruth(), readPredicted(), row);
        }

        return confusion.ToMetrics();
    }

    /// <summary>The class names of the label column's annotation, else of the predicted column's.</summary>
    private static string[] ClassNames(DataViewSchema.Column label, DataViewSchema.Column predicted)
    {
        var names = SegmentationMasks.TryGetClassNames(label);
        var predictedNames = SegmentationMasks.TryGetClassNames(predicted);
        if (names is not null && predictedNames is not null && names.Length != predictedNames.Length)
        {
            throw new ArgumentException(
                $"Mask columns '{label.Name}' and '{predicted.Name}' were expected to have the same number of class names; got {names.Length} and {predictedNames.Length}.",
                "predictedMaskColumnName");
        }

        var result = names ?? predictedNames ?? throw new ArgumentException(
            $"Mask column '{label.Name}' (or '{predicted.Name}') was expected to carry its class names as the '{SegmentationMasks.ClassNamesAnnotation}' annotation (SegmentationMasks.ClassNames); got none.",
            "labelColumnName");
        if (result.Length > SegmentationMasks.MaximumClassCount)
        {
            throw new ArgumentException(
                $"Mask column '{(names is null ? predicted.Name : label.Name)}' was expected to have at most {SegmentationMasks.MaximumClassCount} class names in its '{SegmentationMasks.ClassNamesAnnotation}' annotation (a byte mask, 255 being the ignore value); got {result.Length}.",
                names is null ? "predictedMaskColumnName" : "labelColumnName");
        }

        return result;
    }
}
