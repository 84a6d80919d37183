using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// A variable-size vector output column of a detector, with <see cref="ValuesPerBox"/> values per detected box read from
/// the decoded row (<see cref="DetectionRow"/>). A row that was not scored (a non-finite pixel) gets one box's worth of
/// its column's missing value, so that the three columns still agree in length and a reader sees the row as invalid, not
/// as an image without objects.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal abstract class DetectionOutputColumn<T> : OutputColumn<VBuffer<T>>
{
    private readonly T _missing;

    protected DetectionOutputColumn(string name, DataViewType itemType, DataViewSchema.Annotations annotations, T missing)
        : base(name, new VectorDataViewType((PrimitiveDataViewType)itemType), annotations)
    {
        _missing = missing;
    }

    /// <summary>Values per box.</summary>
    protected abstract int ValuesPerBox { get; }

    /// <summary>Writes box <paramref name="box"/>'s values from the decoded <paramref name="row"/> into <paramref name="values"/>.</summary>
    protected abstract void ReadBox(ReadOnlySpan<float> row, int box, Span<T> values);

    protected override void Read(ReadOnlySpan<float> output, ref VBuffer<T> value)
    {
        var count = DetectionRow.Count(output);
        var editor = VBufferEditor.Create(ref value, count * ValuesPerBox);
        for (var box = 0; box < count; box++)
        {
            ReadBox(output, box, editor.Values.Slice(box * ValuesPerBox, ValuesPerBox));
        }

        value = editor.Commit();
    }

    protected override void ReadMissing(ref VBuffer<T> value)
    {
        var editor = VBufferEditor.Create(ref value, ValuesPerBox);
        editor.Values.Fill(_missing);
        value = editor.Commit();
    }
}
