using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary><c>Score</c>: each box's score (its heatmap peak, in (0, 1)), descending; [NaN] for a row that was not scored.</summary>
internal sealed class DetectionScoresColumn : DetectionOutputColumn<float>
{
    public DetectionScoresColumn(string name)
        : base(name, NumberDataViewType.Single, DataViewSchema.Annotations.Empty, float.NaN)
    {
    }

    protected override int ValuesPerBox => 1;

    protected override void ReadBox(ReadOnlySpan<float> row, int box, Span<float> values) => values[0] = DetectionRow.Score(row, box);
}
