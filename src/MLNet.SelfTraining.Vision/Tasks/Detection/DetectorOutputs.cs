using Microsoft.ML;
using MLNet.SelfTraining.Schema;
using MLNet.SelfTraining.Vision.Data;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>The scored schema of a detector: every input column, then <c>PredictedLabel</c>, <c>Score</c> and
/// <c>PredictedBoundingBoxes</c> (or the names the options gave them).</summary>
internal static class DetectorOutputs
{
    /// <summary>Checks <paramref name="input"/> for scoring and builds the scored schema.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or has the wrong type or size.</exception>
    public static ScoredSchema Create(DataViewSchema input, DetectorInfo info)
    {
        var spec = info.Spec;
        var features = ImageColumnChecks.Features(input, info.FeatureColumnName, spec.Channels, spec.ImageHeight, spec.ImageWidth);
        return new ScoredSchema(input, features, Columns(info.Outputs, info.ClassNames));
    }

    /// <summary><paramref name="input"/> with the output columns appended (replacing columns of the same names).</summary>
    /// <param name="input">The input shape.</param>
    /// <param name="names">The output columns' names.</param>
    /// <param name="classNames">Class names for <c>PredictedLabel</c>'s annotation (a shape records only its kind and type).</param>
    public static SchemaShape Shape(SchemaShape input, DetectionOutputNames names, IReadOnlyList<string> classNames)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in Columns(names, classNames))
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        var added = ShapeColumns.Of(builder.ToSchema());
        var replaced = added.Select(c => c.Name).ToHashSet();
        return new SchemaShape(input.Where(c => !replaced.Contains(c.Name)).Concat(added));
    }

    private static IOutputColumn[] Columns(DetectionOutputNames names, IReadOnlyList<string> classNames) =>
        [new PredictedLabelsColumn(names.PredictedLabel, classNames), new DetectionScoresColumn(names.Score), new PredictedBoxesColumn(names.PredictedBoundingBoxes)];
}
