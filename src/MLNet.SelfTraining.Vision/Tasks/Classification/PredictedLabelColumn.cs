using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary><c>PredictedLabel</c>: the training label's key of the most probable class (1-based), 0 (missing) for a row
/// that was not scored.</summary>
internal sealed class PredictedLabelColumn : OutputColumn<uint>
{
    public const string DefaultName = "PredictedLabel";

    public PredictedLabelColumn(ClassLabels classes)
        : base(DefaultName, classes.KeyType, ClassifierAnnotations.PredictedLabel(classes))
    {
    }

    protected override void Read(ReadOnlySpan<float> output, ref uint value)
    {
        var best = 0;
        for (var k = 1; k < output.Length; k++)
        {
            if (output[k] > output[best])
            {
                best = k;
            }
        }

        value = (uint)best + 1;
    }

    protected override void ReadMissing(ref uint value) => value = 0;
}
