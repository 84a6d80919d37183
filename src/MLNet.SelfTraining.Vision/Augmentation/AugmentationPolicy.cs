namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// The augmentation strengths of Zoph et al. 2020 ("Rethinking Pre-training and Self-training", §3), for
/// classification. Flips are part of S1–S4 in the paper but stay off unless
/// <see cref="AugmentationOptions.HorizontalFlip"/> is set, because they do not preserve every label (digits, text).
/// </summary>
public enum AugmentationPolicy
{
    /// <summary>No augmentation.</summary>
    None,

    /// <summary>Aug-S1: (optional) horizontal flip plus standard scale jitter (0.8–1.2) with random crop or pad.</summary>
    S1,

    /// <summary>Aug-S2: AutoAugment, then S1.</summary>
    S2,

    /// <summary>Aug-S3: AutoAugment, (optional) flip, and large scale jitter (0.5–2.0).</summary>
    S3,

    /// <summary>Aug-S4: RandAugment(N, M), (optional) flip, and large scale jitter (0.5–2.0).</summary>
    S4,
}
