using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// The detector's batch loss, CenterNet's: per stream of images (the human stream is the first <c>humanCount</c> rows,
/// the pseudo stream the rest), with <c>p = sigmoid(heatmap logits)</c> clamped to [1e-4, 1 − 1e-4] and N the stream's
/// number of boxes,
/// <code>
/// focal  = −[Σ_pos (1 − p)² ln p + Σ_neg (1 − gt)⁴ p² ln(1 − p)] / max(N, 1)     (pos: cells where the target heatmap is 1)
/// size   = Σ_centres |predicted − target size| (both coordinates) / max(N, 1)
/// offset = Σ_centres |predicted − target offset| / max(N, 1)
/// loss   = focal + 0.1 · size + 1 · offset
/// </code>
/// Each image's sums are multiplied by its example weight (the denominator stays N). Without pseudo rows that is the
/// loss; with them a <see cref="LossNormalizer"/> combines the two streams' losses. A stream always has a loss (its
/// negatives), also when it holds no box.
/// </summary>
internal sealed class DetectionLoss
{
    /// <summary>The weight of the size term: CenterNet's 0.1.</summary>
    public const double SizeWeight = 0.1;

    /// <summary>The weight of the offset term: CenterNet's 1.</summary>
    public const double OffsetWeight = 1;

    private const double Clamp = 1e-4;

    private static readonly Scalar s_lowest = Clamp.ToScalar();
    private static readonly Scalar s_highest = (1 - Clamp).ToScalar();
    private static readonly Scalar s_four = 4.ToScalar();
    private static readonly Scalar s_sizeWeight = SizeWeight.ToScalar();
    private static readonly Scalar s_offsetWeight = OffsetWeight.ToScalar();

    private readonly LossNormalizer _normalizer;

    public DetectionLoss(LossNormalizer normalizer)
    {
        _normalizer = normalizer;
    }

    /// <param name="output">(B, K + 4, h, w) network outputs.</param>
    /// <param name="targets">The batch's targets on the same map.</param>
    /// <param name="weights">(B) example weights, or <see langword="null"/>.</param>
    /// <param name="humanCount">How many leading rows are human-labeled; the rest are pseudo-labeled.</param>
    /// <returns>The scalar loss.</returns>
    public Tensor Compute(Tensor output, DetectionTargets targets, Tensor? weights, int humanCount)
    {
        using var scope = NewDisposeScope();
        var perImage = PerImage(output, targets);
        if (weights is not null)
        {
            perImage = perImage.mul(weights);
        }

        var rows = (int)perImage.shape[0];
        if (humanCount == rows)
        {
            return Mean(perImage, targets.BoxCounts).MoveToOuterDisposeScope();
        }

        var human = Mean(perImage.narrow(0, 0, humanCount), targets.BoxCounts[..humanCount]);
        var pseudo = Mean(perImage.narrow(0, humanCount, rows - humanCount), targets.BoxCounts[humanCount..]);
        var (humanWeight, pseudoWeight) = _normalizer.Update(TensorValues.Double(human), TensorValues.Double(pseudo));
        return LossNormalizer.Combine(human, humanWeight, pseudo, pseudoWeight);
    }

    /// <summary>(B) each image's sums: focal + 0.1 · size + offset, before the division by N.</summary>
    private static Tensor PerImage(Tensor output, DetectionTargets targets)
    {
        var classCount = targets.Heatmap.shape[1];
        var p = output.narrow(1, 0, classCount).sigmoid().clamp(s_lowest, s_highest);
        var gt = targets.Heatmap;
        var one = KeptScalars.One;
        var positive = gt.eq(one).to_type(ScalarType.Float32);
        var two = KeptScalars.Two;                                                      // pow(2), not square(): square() makes a Scalar of 2
        var positiveTerm = OneMinus(p).pow(two).mul(p.log()).mul(positive);
        var negativeTerm = OneMinus(gt).pow(s_four).mul(p.pow(two)).mul(OneMinus(p).log()).mul(OneMinus(positive));
        var focal = positiveTerm.add(negativeTerm, alpha: one).sum([1, 2, 3]).neg();
        var size = Regression(output.narrow(1, classCount, 2), targets.Size, targets.Centres);
        var offset = Regression(output.narrow(1, classCount + 2, 2), targets.Offset, targets.Centres);
        return focal.add(size.mul(s_sizeWeight), alpha: one).add(offset.mul(s_offsetWeight), alpha: one);
    }

    /// <summary>1 − <paramref name="x"/>.</summary>
    private static Tensor OneMinus(Tensor x) => x.neg().add(KeptScalars.One, alpha: KeptScalars.One);

    /// <summary>(B) Σ over the centre cells of |predicted − target|, both coordinates.</summary>
    private static Tensor Regression(Tensor predicted, Tensor target, Tensor centres) =>
        predicted.sub(target).abs().mul(centres).sum([1, 2, 3]);

    /// <summary>The stream's summed image losses divided by its number of boxes (at least 1).</summary>
    private static Tensor Mean(Tensor perImage, long[] boxCounts)
    {
        using var boxes = Math.Max(boxCounts.Sum(), 1).ToScalar();
        return perImage.sum().div(boxes);
    }
}
