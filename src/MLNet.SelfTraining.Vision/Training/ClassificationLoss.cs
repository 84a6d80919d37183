using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Training;

/// <summary>
/// The classifier's batch loss: per-row cross-entropy (against class indices, or against class probabilities for soft
/// targets), multiplied by the example weights, averaged separately over the human rows (the first
/// <c>humanCount</c>) and the pseudo-labeled rows, and combined by a <see cref="LossNormalizer"/>.
/// </summary>
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
    /// <returns>The scalar loss.</returns>
    public Tensor Compute(Tensor logits, Tensor targets, Tensor? weights, int humanCount)
    {
        using var scope = NewDisposeScope();
        var perRow = nn.functional.cross_entropy(logits, targets, reduction: nn.Reduction.None);   // (B)
        if (weights is not null)
            perRow = perRow.mul(weights);
        var rows = (int)perRow.shape[0];
        if (humanCount == rows)
            return perRow.mean().MoveToOuterDisposeScope();
        var human = perRow.narrow(0, 0, humanCount).mean();
        var pseudo = perRow.narrow(0, humanCount, rows - humanCount).mean();
        var (humanWeight, pseudoWeight) = _normalizer.Update(human.ToDouble(), pseudo.ToDouble());
        return human.mul(humanWeight).add(pseudo.mul(pseudoWeight)).MoveToOuterDisposeScope();
    }
}
