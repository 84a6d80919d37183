using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary><c>PredictedBoundingBoxes</c>: each box's x0, y0, x1, y1 in pixels, clipped to the image; four NaN for a row
/// that was not scored.</summary>
internal sealed class PredictedBoxesColumn : DetectionOutputColumn<float>
{
    public PredictedBoxesColumn(string name)
        : base(name, NumberDataViewType.Single, DataViewSchema.Annotations.Empty, float.NaN)
    {
    }

    protected override int ValuesPerBox => 4;

    protected override void ReadBox(ReadOnlySpan<float> row, int box, Span<float> values) => DetectionRow.Corners(row, box).CopyTo(values);
}
