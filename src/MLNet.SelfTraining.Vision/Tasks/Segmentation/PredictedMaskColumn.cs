using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary><c>PredictedMask</c>: the predicted class of each pixel, a mask like the training one
/// (<see cref="SegmentationMasks"/>, with the class names annotation); all 255 for a row that was not scored.</summary>
internal sealed class PredictedMaskColumn : OutputColumn<VBuffer<byte>>
{
    private readonly int _pixels;

    public PredictedMaskColumn(IReadOnlyList<string> classNames, int pixels)
        : base(DefaultColumnNames.PredictedMask, new VectorDataViewType(NumberDataViewType.Byte, pixels), SegmentationMasks.ClassNames(classNames))
    {
        _pixels = pixels;
    }

    protected override void Read(ReadOnlySpan<float> output, ref VBuffer<byte> value)
    {
        var editor = VBufferEditor.Create(ref value, _pixels);
        for (var p = 0; p < _pixels; p++)
        {
            editor.Values[p] = (byte)output[p];
        }

        value = editor.Commit();
    }

    protected override void ReadMissing(ref VBuffer<byte> value)
    {
        var editor = VBufferEditor.Create(ref value, _pixels);
        editor.Values.Fill(SegmentationMasks.Ignore);
        value = editor.Commit();
    }
}
