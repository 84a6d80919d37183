using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary><c>Confidence</c>: the softmax probability of each pixel's predicted class; all NaN for a row that was not scored.</summary>
internal sealed class ConfidenceColumn : OutputColumn<VBuffer<float>>
{
    private readonly int _pixels;

    public ConfidenceColumn(int pixels)
        : base(DefaultColumnNames.Confidence, new VectorDataViewType(NumberDataViewType.Single, pixels), DataViewSchema.Annotations.Empty)
    {
        _pixels = pixels;
    }

    protected override void Read(ReadOnlySpan<float> output, ref VBuffer<float> value)
    {
        var editor = VBufferEditor.Create(ref value, _pixels);
        output.Slice(_pixels, _pixels).CopyTo(editor.Values);
        value = editor.Commit();
    }

    protected override void ReadMissing(ref VBuffer<float> value)
    {
        var editor = VBufferEditor.Create(ref value, _pixels);
        editor.Values.Fill(float.NaN);
        value = editor.Commit();
    }
}
