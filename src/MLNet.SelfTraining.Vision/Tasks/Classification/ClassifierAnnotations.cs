using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>The annotations ML.NET's multiclass scorer puts on <c>Score</c> and <c>PredictedLabel</c>.</summary>
internal static class ClassifierAnnotations
{
    /// <summary>Slot names and training label values (when the classes have names), score column kind and value kind.</summary>
    public static DataViewSchema.Annotations Score(ClassLabels classes)
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

    /// <summary>Key values (when the classes have names), score column kind and value kind.</summary>
    public static DataViewSchema.Annotations PredictedLabel(ClassLabels classes)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        if (classes.Names is not null)
        {
            builder.Add(AnnotationNames.KeyValues, NamesType(classes), NamesGetter(classes));
        }

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
            {
                editor.Values[i] = classes.Names![i].AsMemory();
            }

            value = editor.Commit();
        };

    private static void AddText(DataViewSchema.Annotations.Builder builder, string kind, string text) =>
        builder.Add(kind, TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = text.AsMemory());
}
