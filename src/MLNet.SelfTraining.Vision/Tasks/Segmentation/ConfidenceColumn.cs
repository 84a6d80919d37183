using Microsoft.ML;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary><c>Confidence</c>: the softmax probability of each pixel's predicted class (the second half of the
/// segmenter's output); all NaN for a row that was not scored.</summary>
internal sealed class ConfidenceColumn : FloatVectorColumn
{
    public ConfidenceColumn(int pixels)
        : base(DefaultColumnNames.Confidence, pixels, pixels, DataViewSchema.Annotations.Empty)
    {
    }
}
