using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary><c>PredictedLabel</c>: the key of each box's class (class k is key k + 1), of the training labels' key type
/// with the class names as <c>KeyValues</c>; [0] (missing) for a row that was not scored.</summary>
internal sealed class PredictedLabelsColumn : DetectionOutputColumn<uint>
{
    public PredictedLabelsColumn(string name, IReadOnlyList<string> classNames)
        : base(name, new KeyDataViewType(typeof(uint), classNames.Count), KeyValues(classNames), 0)
    {
    }

    protected override int ValuesPerBox => 1;

    protected override void ReadBox(ReadOnlySpan<float> row, int box, Span<uint> values) => values[0] = (uint)DetectionRow.Class(row, box) + 1;

    /// <summary>The <c>KeyValues</c> annotation of <paramref name="classNames"/>.</summary>
    private static DataViewSchema.Annotations KeyValues(IReadOnlyList<string> classNames)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(AnnotationNames.KeyValues, new VectorDataViewType(TextDataViewType.Instance, classNames.Count),
            (ref VBuffer<ReadOnlyMemory<char>> value) =>
            {
                var editor = VBufferEditor.Create(ref value, classNames.Count);
                for (var i = 0; i < classNames.Count; i++)
                {
                    editor.Values[i] = classNames[i].AsMemory();
                }

                value = editor.Commit();
            });
        return builder.ToAnnotations();
    }
}
