using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Classification;

/// <summary>
/// The schema of scored data: every input column, then <c>Score</c> (class probabilities, with ML.NET's multiclass score
/// annotations) and <c>PredictedLabel</c> (the label's key type and key values), as ML.NET's multiclass scorer produces.
/// </summary>
internal sealed class ScoredSchema
{
    public const string ScoreColumnName = "Score";
    public const string PredictedLabelColumnName = "PredictedLabel";

    private ScoredSchema(DataViewSchema input, DataViewSchema output, DataViewSchema.Column features)
    {
        Input = input;
        Output = output;
        Features = features;
    }

    public DataViewSchema Input { get; }

    public DataViewSchema Output { get; }

    /// <summary>The input image column.</summary>
    public DataViewSchema.Column Features { get; }

    public int ScoreIndex => Input.Count;

    /// <summary>Whether output column <paramref name="index"/> is computed by the classifier (not passed through).</summary>
    public bool IsComputed(int index) => index >= Input.Count;

    /// <summary>Checks <paramref name="input"/> for scoring and builds the output schema.</summary>
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
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        builder.AddColumn(ScoreColumnName, new VectorDataViewType(NumberDataViewType.Single, info.Classes.Count),
            ScoreAnnotations(info.Classes));
        builder.AddColumn(PredictedLabelColumnName, info.Classes.KeyType, PredictedLabelAnnotations(info.Classes));
        return new ScoredSchema(input, builder.ToSchema(), features);
    }

    private static DataViewSchema.Annotations ScoreAnnotations(ClassLabels classes)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        if (classes.Names is not null)
        {
            builder.Add(AnnotationNames.SlotNames, NamesType(classes), NamesGetter(classes));
            builder.Add(AnnotationNames.TrainingLabelValues, NamesType(classes), NamesGetter(classes));
        }
        AddText(builder, AnnotationNames.ScoreColumnKind, AnnotationNames.MulticlassClassification);
        AddText(builder, AnnotationNames.ScoreValueKind, AnnotationNames.Score);
        return builder.ToAnnotations();
    }

    private static DataViewSchema.Annotations PredictedLabelAnnotations(ClassLabels classes)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        if (classes.Names is not null)
            builder.Add(AnnotationNames.KeyValues, NamesType(classes), NamesGetter(classes));
        AddText(builder, AnnotationNames.ScoreColumnKind, AnnotationNames.MulticlassClassification);
        AddText(builder, AnnotationNames.ScoreValueKind, AnnotationNames.PredictedLabel);
        return builder.ToAnnotations();
    }

    private static VectorDataViewType NamesType(ClassLabels classes) => new(TextDataViewType.Instance, classes.Count);

    private static ValueGetter<VBuffer<ReadOnlyMemory<char>>> NamesGetter(ClassLabels classes) =>
        (ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            var editor = VBufferEditor.Create(ref value, classes.Count);
            for (var i = 0; i < classes.Count; i++)
                editor.Values[i] = classes.Names![i].AsMemory();
            value = editor.Commit();
        };

    private static void AddText(DataViewSchema.Annotations.Builder builder, string kind, string text) =>
        builder.Add(kind, TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = text.AsMemory());
}
