using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Combines the human-label loss and the pseudo-label loss of a student batch with the loss normalization of
/// Zoph et al. 2020: <c>L = 1/(1+α) · (L_h + α · (L̄_h / L̄_p) · L_p)</c>, where <c>L̄_h</c> and <c>L̄_p</c> are exponential
/// moving averages of the two losses over training.
/// </summary>
/// <remarks>
/// The averages are initialized from the first batch, then updated as <c>L̄ ← β·L̄ + (1−β)·L</c> before the batch's weights
/// are computed. The ratio <c>L̄_h / L̄_p</c> is a plain number (no gradient flows through it) and <c>L̄_p</c> is kept at or above
/// <see cref="Epsilon"/>. With normalization disabled the combination is the plain <c>L_h + α·L_p</c>; the averages are
/// still kept, for the trainer's log.
/// </remarks>
public sealed class LossNormalizer
{
    /// <summary>The lower bound of the pseudo-loss moving average, guarding the division.</summary>
    public const double Epsilon = 1e-8;

    private readonly double _alpha;
    private readonly double _decay;
    private readonly bool _normalize;
    private bool _initialized;

    /// <summary>Creates a normalizer.</summary>
    /// <param name="alpha">The pseudo-loss weight α; must be non-negative.</param>
    /// <param name="decay">The moving-average decay β, in [0, 1).</param>
    /// <param name="normalize">Whether to apply the normalization; <see langword="false"/> gives <c>L_h + α·L_p</c>.</param>
    public LossNormalizer(double alpha = 1.0, double decay = 0.99, bool normalize = true)
    {
        if (!(alpha >= 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"The pseudo-loss weight must be finite and non-negative. Got {alpha} instead.");
        }

        if (!(decay >= 0 && decay < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, $"The moving-average decay must be in the range [0, 1). Got {decay} instead.");
        }

        _alpha = alpha;
        _decay = decay;
        _normalize = normalize;
    }

    /// <summary>The moving average of the human-label loss (<c>L̄_h</c>); 0 before the first update.</summary>
    public double HumanLossAverage { get; private set; }

    /// <summary>The moving average of the pseudo-label loss (<c>L̄_p</c>); 0 before the first update.</summary>
    public double PseudoLossAverage { get; private set; }

    /// <summary>
    /// Updates the moving averages with one batch's losses and returns the weights to apply to them, so that the total
    /// loss is <c>HumanWeight · L_h + PseudoWeight · L_p</c>.
    /// </summary>
    /// <param name="humanLoss">The batch's human-label loss <c>L_h</c> (a detached value).</param>
    /// <param name="pseudoLoss">The batch's pseudo-label loss <c>L_p</c> (a detached value).</param>
    /// <returns>The weights of the two losses for this batch.</returns>
    public (double HumanWeight, double PseudoWeight) Update(double humanLoss, double pseudoLoss)
    {
        if (_initialized)
        {
            HumanLossAverage = _decay * HumanLossAverage + (1 - _decay) * humanLoss;
            PseudoLossAverage = _decay * PseudoLossAverage + (1 - _decay) * pseudoLoss;
        }
        else
        {
            HumanLossAverage = humanLoss;
            PseudoLossAverage = pseudoLoss;
            _initialized = true;
        }
        return Weights;
    }

    /// <summary>The weights of the two losses at the current moving averages (those the last update returned).</summary>
    public (double HumanWeight, double PseudoWeight) Weights =>
        _normalize
            ? (1 / (1 + _alpha), _alpha * (HumanLossAverage / Math.Max(PseudoLossAverage, Epsilon)) / (1 + _alpha))
            : (1.0, _alpha);

    /// <summary>Updates the moving averages and returns the combined loss value of one batch.</summary>
    /// <param name="humanLoss">The batch's human-label loss <c>L_h</c>.</param>
    /// <param name="pseudoLoss">The batch's pseudo-label loss <c>L_p</c>.</param>
    /// <returns>The total loss <c>L</c>.</returns>
    public double Combine(double humanLoss, double pseudoLoss)
    {
        var (human, pseudo) = Update(humanLoss, pseudoLoss);
        return human * humanLoss + pseudo * pseudoLoss;
    }

    /// <summary>
    /// <paramref name="humanWeight"/>·<paramref name="human"/> + <paramref name="pseudoWeight"/>·<paramref name="pseudo"/>
    /// (the weights from <see cref="Update"/>), moved to the caller's outer dispose scope; the weights' Scalars live
    /// through the native calls (docs/torchsharp-pitfalls.md).
    /// </summary>
    internal static Tensor Combine(Tensor human, double humanWeight, Tensor pseudo, double pseudoWeight)
    {
        using var humanScale = humanWeight.ToScalar();
        using var pseudoScale = pseudoWeight.ToScalar();
        return human.mul(humanScale).add(pseudo.mul(pseudoScale), alpha: KeptScalars.One).MoveToOuterDisposeScope();
    }
}
