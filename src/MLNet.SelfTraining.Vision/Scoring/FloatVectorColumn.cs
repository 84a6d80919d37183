using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>
/// A known-size vector of <see cref="float"/> read from a slice of each row's network output (e.g. class probabilities,
/// per-pixel confidences, an embedding); all NaN for a row that was not scored.
/// </summary>
internal class FloatVectorColumn : OutputColumn<VBuffer<float>>
{
    private readonly int _size;
    private readonly int _offset;

    /// <param name="name">The column's name.</param>
    /// <param name="size">Values in the vector.</param>
    /// <param name="offset">Where the vector starts in a row's network output.</param>
    /// <param name="annotations">The column's annotations.</param>
    public FloatVectorColumn(string name, int size, int offset, DataViewSchema.Annotations annotations)
        : base(name, new VectorDataViewType(NumberDataViewType.Single, size), annotations)
    {
        _size = size;
        _offset = offset;
    }

    protected sealed override void Read(ReadOnlySpan<float> output, ref VBuffer<float> value)
    {
        var editor = VBufferEditor.Create(ref value, _size);
        output.Slice(_offset, _size).CopyTo(editor.Values);
        value = editor.Commit();
    }

    protected sealed override void ReadMissing(ref VBuffer<float> value)
    {
        var editor = VBufferEditor.Create(ref value, _size);
        editor.Values.Fill(float.NaN);
        value = editor.Commit();
    }
}
