using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// The segmenter's batch loss: per-pixel cross-entropy (<c>cross_entropy</c> with <c>ignore_index</c> 255, so a pixel
/// of mask value 255 adds neither loss nor gradient), each pixel's loss multiplied by its row's example weight, summed
/// over a stream's valid (non-255) pixels and divided by their number: the human stream is the first
/// <c>humanCount</c> rows, the pseudo stream the rest. Without pseudo rows that is the loss; with them, a
/// <see cref="LossNormalizer"/> combines the two streams.
/// </summary>
/// <remarks>
/// With all weights 1 each stream's loss is PyTorch's <c>cross_entropy(ignore_index=255, reduction="mean")</c> over
/// the stream. A weight counts a row as many times as it says, but does not change the denominator (as the classifier
/// averages weighted rows over the row count). A stream without a valid pixel in the batch has loss 0; the normalizer is
/// then fed that stream's current average (or the other stream's loss before there is one), so an empty stream does not
/// drag its average toward 0.
/// </remarks>
internal sealed class SegmentationLoss
{
    private static readonly Scalar s_ignore = SegmentationMasks.Ignore.ToScalar();

    private readonly LossNormalizer _normalizer;

    public SegmentationLoss(LossNormalizer normalizer)
    {
        _normalizer = normalizer;
    }

    /// <param name="logits">(B, K, H, W) network outputs.</param>
    /// <param name="masks">(B, H, W) Int64 class indices, 255 for ignored pixels.</param>
    /// <param name="weights">(B) example weights, or <see langword="null"/>.</param>
    /// <param name="humanCount">How many leading rows are human-labeled; the rest are pseudo-labeled.</param>
    /// <returns>The scalar loss.</returns>
    public Tensor Compute(Tensor logits, Tensor masks, Tensor? weights, int humanCount)
    {
        using var scope = NewDisposeScope();
        var perPixel = nn.functional.cross_entropy(logits, masks, ignore_index: SegmentationMasks.Ignore, reduction: nn.Reduction.None);   // (B, H, W), 0 where ignored
        if (weights is not null)
        {
            perPixel = perPixel.mul(weights.view(-1, 1, 1));
        }

        var valid = masks.ne(s_ignore);
        var rows = (int)perPixel.shape[0];
        if (humanCount == rows)
        {
            return Mean(perPixel, valid).Loss.MoveToOuterDisposeScope();
        }

        var (human, humanPixels) = Mean(perPixel.narrow(0, 0, humanCount), valid.narrow(0, 0, humanCount));
        var (pseudo, pseudoPixels) = Mean(perPixel.narrow(0, humanCount, rows - humanCount), valid.narrow(0, humanCount, rows - humanCount));
        var humanValue = TensorValues.Double(human);
        var pseudoValue = TensorValues.Double(pseudo);
        var humanMagnitude = humanPixels > 0 ? humanValue : Fallback(_normalizer.HumanLossAverage, pseudoValue);
        var pseudoMagnitude = pseudoPixels > 0 ? pseudoValue : Fallback(_normalizer.PseudoLossAverage, humanMagnitude);
        var (humanWeight, pseudoWeight) = _normalizer.Update(humanMagnitude, pseudoMagnitude);
        return LossNormalizer.Combine(human, humanWeight, pseudo, pseudoWeight);
    }

    /// <summary>The sum of the (weighted) per-pixel losses over the valid pixels, divided by their number (at least 1), and that number.</summary>
    private static (Tensor Loss, long ValidPixels) Mean(Tensor perPixel, Tensor valid)
    {
        var count = TensorValues.Long(valid.sum());
        using var pixels = Math.Max(count, 1).ToScalar();
        return (perPixel.sum().div(pixels), count);
    }

    private static double Fallback(double average, double other) => average > 0 ? average : other;
}
