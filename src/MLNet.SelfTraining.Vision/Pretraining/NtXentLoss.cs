using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>
/// SimCLR's NT-Xent loss (normalized temperature-scaled cross-entropy). For 2B projections, the first B the first views
/// of B images and the last B their second views: each projection is L2-normalized, each anchor's logits are its cosine
/// similarities to the 2B − 1 other projections divided by the temperature τ, its target is the other view of its image,
/// and the loss is the cross-entropy averaged over the 2B anchors.
/// </summary>
/// <param name="temperature">τ, finite and positive.</param>
internal sealed class NtXentLoss(double temperature)
{
    private static readonly Scalar s_excluded = double.NegativeInfinity.ToScalar();

    /// <summary>The mean loss of a batch. <paramref name="projections"/>: (2B, D), B ≥ 1; returns a scalar.</summary>
    public Tensor Compute(Tensor projections)
    {
        using var scope = NewDisposeScope();
        var views = projections.shape[0];
        var images = views / 2;
        var unit = nn.functional.normalize(projections, p: 2, dim: 1);                   // (2B, D)
        using var temperatureScalar = temperature.ToScalar();
        using var viewCount = views.ToScalar();
        using var imageCount = images.ToScalar();
        var logits = unit.matmul(unit.t()).div(temperatureScalar);                        // (2B, 2B)
        var self = eye(views, dtype: ScalarType.Bool, device: projections.device);
        logits = logits.masked_fill(self, s_excluded);                                    // an anchor is not its own candidate
        var anchors = arange(KeptScalars.Zero, viewCount, KeptScalars.One, dtype: ScalarType.Int64, device: projections.device);
        var positives = anchors.add(imageCount, alpha: KeptScalars.One).remainder(viewCount);   // i ↔ i ± B
        return nn.functional.cross_entropy(logits, positives).MoveToOuterDisposeScope();
    }
}
