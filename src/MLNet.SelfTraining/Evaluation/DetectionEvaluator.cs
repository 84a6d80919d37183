using Microsoft.ML;
using MLNet.SelfTraining.Tasks.Detection;

namespace MLNet.SelfTraining.Evaluation;

/// <summary>One streaming pass over true and predicted box columns, checked row by row, into <see cref="DetectionMetrics"/>.</summary>
internal static class DetectionEvaluator
{
    public static DetectionMetrics Evaluate(IDataView data, string labelColumnName, string boxColumnName, string predictedLabelColumnName,
        string predictedBoundingBoxesColumnName, string scoreColumnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(boxColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(predictedLabelColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(predictedBoundingBoxesColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(scoreColumnName);
        var schema = data.Schema;
        int classCount = BoxColumns.KeyCount(schema.GetColumnOrNull(labelColumnName), labelColumnName, "label", false, m => new ArgumentException(m, nameof(labelColumnName)));
        int predictedCount = BoxColumns.KeyCount(schema.GetColumnOrNull(predictedLabelColumnName), predictedLabelColumnName, "predicted label", false,
            m => new ArgumentException(m, nameof(predictedLabelColumnName)));
        BoxColumns.CheckSingles(schema.GetColumnOrNull(boxColumnName), boxColumnName, "box", false, m => new ArgumentException(m, nameof(boxColumnName)));
        BoxColumns.CheckSingles(schema.GetColumnOrNull(predictedBoundingBoxesColumnName), predictedBoundingBoxesColumnName, "predicted box", false,
            m => new ArgumentException(m, nameof(predictedBoundingBoxesColumnName)));
        BoxColumns.CheckSingles(schema.GetColumnOrNull(scoreColumnName), scoreColumnName, "score", false, m => new ArgumentException(m, nameof(scoreColumnName)));
        var classNames = ClassNames(schema[labelColumnName], schema[predictedLabelColumnName], classCount, predictedCount);

        var images = new List<DetectionImage>();
        var columns = new[] { labelColumnName, boxColumnName, predictedLabelColumnName, predictedBoundingBoxesColumnName, scoreColumnName }.Distinct();
        using var cursor = data.GetRowCursor(columns.Select(c => schema[c]));
        var truth = new TrueBoxReader(cursor, schema[labelColumnName], schema[boxColumnName], classCount, m => new ArgumentException(m, nameof(data)));
        var predicted = new PredictedBoxReader(cursor, schema[predictedLabelColumnName], schema[predictedBoundingBoxesColumnName], schema[scoreColumnName], classCount);
        for (long row = 0; cursor.MoveNext(); row++)
        {
            var (trueClasses, trueBoxes) = truth.Read(row);
            var (classes, boxes, scores) = predicted.Read(row);
            images.Add(new DetectionImage(trueClasses, trueBoxes, classes, boxes, scores));
        }

        return CocoEvaluation.Evaluate(images, classNames);
    }

    /// <summary>The label column's key values, else the predicted column's, else "0"…"K−1"; both columns must have K keys and, if both have key values, the same.</summary>
    private static string[] ClassNames(DataViewSchema.Column label, DataViewSchema.Column predicted, int classCount, int predictedCount)
    {
        if (predictedCount != classCount)
        {
            throw new ArgumentException(
                $"Predicted label column '{predicted.Name}' was expected to have the key type of label column '{label.Name}' (Key<UInt32, {classCount}>); got Key<UInt32, {predictedCount}>.",
                "predictedLabelColumnName");
        }

        var names = BoxColumns.TryGetKeyValues(label, classCount);
        var predictedNames = BoxColumns.TryGetKeyValues(predicted, classCount);
        if (names is not null && predictedNames is not null && !names.SequenceEqual(predictedNames))
        {
            throw new ArgumentException(
                $"Predicted label column '{predicted.Name}' was expected to have the key values of label column '{label.Name}' ({string.Join(", ", names)}); got {string.Join(", ", predictedNames)}.",
                "predictedLabelColumnName");
        }

        return names ?? predictedNames ?? BoxColumns.IndexNames(classCount);
    }
}
