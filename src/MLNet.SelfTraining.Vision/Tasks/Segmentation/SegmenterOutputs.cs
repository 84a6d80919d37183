using Microsoft.ML;
using MLNet.SelfTraining.Schema;
using MLNet.SelfTraining.Vision.Data;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>The scored schema of a segmenter: every input column, then <c>PredictedMask</c> and <c>Confidence</c>.</summary>
internal static class SegmenterOutputs
{
    /// <summary>Checks <paramref name="input"/> for scoring and builds the scored schema.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or has the wrong type or size.</exception>
    public static ScoredSchema Create(DataViewSchema input, SegmenterInfo info)
    {
        var spec = info.Spec;
        var features = ImageColumnChecks.Features(input, info.FeatureColumnName, spec.Channels, spec.ImageHeight, spec.ImageWidth);
        return new ScoredSchema(input, features, Columns(info.ClassNames, spec.PixelCount));
    }

    /// <summary><paramref name="input"/> with the output columns appended (replacing columns of the same names).</summary>
    /// <param name="input">The input shape.</param>
    /// <param name="classNames">Class names for <c>PredictedMask</c>'s annotation (a shape records only its kind and type).</param>
    /// <param name="pixels">H·W.</param>
    public static SchemaShape Shape(SchemaShape input, IReadOnlyList<string> classNames, int pixels)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in Columns(classNames, pixels))
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        var added = ShapeColumns.Of(builder.ToSchema());
        var names = added.Select(c => c.Name).ToHashSet();
        return new SchemaShape(input.Where(c => !names.Contains(c.Name)).Concat(added));
    }

    private static IOutputColumn[] Columns(IReadOnlyList<string> classNames, int pixels) =>
        [new PredictedMaskColumn(classNames, pixels), new ConfidenceColumn(pixels)];
}
