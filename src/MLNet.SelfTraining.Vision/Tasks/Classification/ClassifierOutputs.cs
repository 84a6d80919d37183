using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// The scored schema of a classifier: every input column, then <c>Score</c> (class probabilities, with ML.NET's
/// multiclass score annotations) and <c>PredictedLabel</c> (the label's key type and key values), as ML.NET's multiclass
/// scorer produces.
/// </summary>
internal static class ClassifierOutputs
{
    /// <summary>Checks <paramref name="input"/> for scoring and builds the scored schema.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or has the wrong type or size, or the
    /// label column is a key type with a different number of classes than in training.</exception>
    public static ScoredSchema Create(DataViewSchema input, ClassifierInfo info)
    {
        var features = InputChecks.CheckFeatures(input, info.FeatureColumnName, info.Spec);
        if (input.GetColumnOrNull(info.LabelColumnName) is { Type: KeyDataViewType key } label && key.Count != (ulong)info.Classes.Count)
        {
            throw SchemaErrors.Mismatch("label", label.Name,
                $"{info.Classes.KeyType} ({info.Classes.Count} classes, as in training)", $"{key}");
        }

        return new ScoredSchema(input, features, [new ScoreColumn(info.Classes), new PredictedLabelColumn(info.Classes)]);
    }
}
