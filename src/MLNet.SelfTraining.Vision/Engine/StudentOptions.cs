namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Student mode of a TorchSharp image trainer, which starts when the training data has the pseudo-label flag column:
/// how batches mix human and pseudo-labeled rows, how their losses combine, and whether the network re-labels the
/// pseudo-labeled rows as it trains. Every default is listed on its property.
/// </summary>
public sealed class StudentOptions
{
    /// <summary>Pseudo-labeled rows per human-labeled row in each batch. Default: 1 (1:1).</summary>
    public double PseudoLabelRatio { get; set; } = Defaults.PseudoLabelRatio;

    /// <summary>Whether to normalize the pseudo loss to the human loss's running average (Zoph et al.; see
    /// <see cref="LossNormalizer"/>); <see langword="false"/> gives <c>L_h + α·L_p</c>, FixMatch's own loss. With
    /// <see cref="MaskUnconfidentPseudoRows"/> the human loss on a few labels can fall far below the pseudo loss, and the
    /// normalization then shrinks the pseudo term. Default: <see langword="true"/>.</summary>
    public bool NormalizeLoss { get; set; } = true;

    /// <summary>Decay β of the loss moving averages. Default: 0.99.</summary>
    public double LossAverageDecay { get; set; } = Defaults.LossAverageDecay;

    /// <summary>
    /// Online re-labeling threshold, or <see langword="null"/> for the paper's fixed pseudo labels. When set, each step
    /// the network being trained predicts its pseudo-labeled rows on the un-augmented images (eval mode, no gradient),
    /// and where its probability reaches this value its own class replaces the teacher's target (FixMatch-style: the
    /// student keeps correcting the teacher as it improves). Costs one extra forward pass over the pseudo-labeled part of
    /// each batch. Default: <see langword="null"/>.
    /// </summary>
    public double? OnlineRelabelThreshold { get; set; }

    /// <summary>
    /// With <see cref="OnlineRelabelThreshold"/>: whether pseudo-labeled rows on which the network's own top probability
    /// is below the threshold are left out of that step's loss (FixMatch's confidence mask, with the un-augmented image
    /// as the weak view) instead of keeping the teacher's target. The teacher's labels are then never used as targets:
    /// with a confidence threshold of 0 in the self-training selection, every unlabeled row is a candidate and the
    /// student trains FixMatch-style on the whole pool. Default: <see langword="false"/>.
    /// </summary>
    public bool MaskUnconfidentPseudoRows { get; set; }

    /// <summary>
    /// With <see cref="OnlineRelabelThreshold"/> and a weight average (<see cref="OptimizationOptions.WeightAverageDecay"/>):
    /// whether the online targets (and the confidence mask) come from the weight average — a mean teacher (Tarvainen and
    /// Valpola 2017), steadier than the network being trained — instead of from the network itself. Costs one copy of the
    /// weights per step. Default: <see langword="false"/>.
    /// </summary>
    public bool RelabelWithWeightAverage { get; set; }

    internal static class Defaults
    {
        public const double PseudoLabelRatio = 1.0;
        public const double LossAverageDecay = 0.99;
    }
}
