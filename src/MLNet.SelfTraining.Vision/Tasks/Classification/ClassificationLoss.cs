using MLNet.SelfTraining.Vision.Engine;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// The classifier's batch loss: per-row cross-entropy (against class indices, or against class probabilities for soft
/// targets), multiplied by the example weights, averaged separately over the human rows (the first
/// <c>humanCount</c>) and the pseudo-labeled rows, and combined by a <see cref="LossNormalizer"/>.
/// </summary>
/// <remarks>
/// With a confidence mask (FixMatch), pseudo rows outside it add 0 to the pseudo loss, which stays the mean over all
/// pseudo rows, so its share grows with the fraction kept; the normalizer's pseudo average is fed the mean over the kept
/// rows only (a per-row magnitude, as the paper's ratio needs), and a batch that keeps none leaves that average as it is.
/// </remarks>
internal sealed class ClassificationLoss
{
    private readonly LossNormalizer _normalizer;

    public ClassificationLoss(LossNormalizer normalizer)
    {
        _normalizer = normalizer;
    }

    /// <param name="logits">(B, K) network outputs.</param>
    /// <param name="targets">(B) Int64 class indices or (B, K) Float32 probabilities.</param>
    /// <param name="weights">(B) example weights, or <see langword="null"/>.</param>
    /// <param name="humanCount">How many leading rows are human-labeled; the rest are pseudo-labeled.</param>
    /// <param name="keep">(B) Float32 confidence mask, 1 for rows in the loss and 0 for rows left out, or
    /// <see langword="null"/> for all rows.</param>
    /// <returns>The scalar loss.</returns>
    public Tensor Compute(Tensor logits, Tensor targets, Tensor? weights, int humanCount, Tensor? keep = null)
    {
        using var scope = NewDisposeScope();
        var perRow = nn.functional.cross_entropy(logits, targets, reduction: nn.Reduction.None);   // (B)
        if (weights is not null)
        {
            perRow = perRow.mul(weights);
        }

        if (keep is not null)
        {
            perRow = perRow.mul(keep);
        }

        var rows = (int)perRow.shape[0];
        if (humanCount == rows)
        {
            return perRow.mean().MoveToOuterDisposeScope();
        }

        var human = perRow.narrow(0, 0, humanCount).mean();
        var pseudo = perRow.narrow(0, humanCount, rows - humanCount).mean();
        var humanValue = TensorValues.Double(human);
        var (humanWeight, pseudoWeight) = _normalizer.Update(humanValue, PseudoMagnitude(TensorValues.Double(pseudo), keep, humanCount, rows, humanValue));
        return LossNormalizer.Combine(human, humanWeight, pseudo, pseudoWeight);
    }

    /// <summary>The pseudo loss per row in the loss: the mean itself without a mask, else the mean over the kept rows (or,
    /// when none is kept, the current average, or the human loss before there is one).</summary>
    private double PseudoMagnitude(double pseudoMean, Tensor? keep, int humanCount, int rows, double humanValue)
    {
        if (keep is null)
        {
            return pseudoMean;
        }

        var kept = TensorValues.Double(keep.narrow(0, humanCount, rows - humanCount).sum());
        if (kept > 0)
        {
            return pseudoMean * (rows - humanCount) / kept;
        }

        return _normalizer.PseudoLossAverage > 0 ? _normalizer.PseudoLossAverage : humanValue;
    }
}
