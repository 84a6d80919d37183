using TorchSharp;

namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>Settings of the training-time augmentation (the student's input noise).</summary>
/// <remarks>
/// Augmentation works on images whose pixel values are in [0, 1] (after the trainer's input scale). The
/// AutoAugment/RandAugment step converts each image to 8 bits (and 1-channel images to 3 identical channels, because
/// TorchVision's equalize fails on one channel), applies one independent random draw per image, and converts back.
/// Scale jitter is a per-image random zoom by <c>s ~ U(min, max)</c> with a random crop (<c>s &gt; 1</c>) or zero padding
/// (<c>s &lt; 1</c>), done for the whole batch at once with <c>affine_grid</c> + <c>grid_sample</c>. The geometric steps
/// (scale jitter, flip, rotation, elastic distortion) move a task's boxes and masks with the pixels; when the targets
/// move, the AutoAugment/RandAugment step draws from RandAugment's colour operations only
/// (<see cref="RandAugmentOperations"/>, <see cref="RandAugmentMagnitude"/>), since the others move pixels.
/// </remarks>
public sealed class AugmentationOptions
{
    /// <summary>The policy. Default: <see cref="AugmentationPolicy.None"/>.</summary>
    public AugmentationPolicy Policy { get; set; } = AugmentationPolicy.None;

    /// <summary>Whether S1–S4 include a random horizontal flip (p = 0.5). Default: <see langword="false"/> (keep it off for digits and text).</summary>
    public bool HorizontalFlip { get; set; }

    /// <summary>Smallest zoom factor of the scale jitter, or <see langword="null"/> for the policy's (0.8 for S1/S2, 0.5 for S3/S4).</summary>
    public double? ScaleJitterMinimum { get; set; }

    /// <summary>Largest zoom factor of the scale jitter, or <see langword="null"/> for the policy's (1.2 for S1/S2, 2.0 for S3/S4).</summary>
    public double? ScaleJitterMaximum { get; set; }

    /// <summary>The scale jitter's range that runs: the set bounds, or the policy's where unset (0.8–1.2 for S1/S2,
    /// 0.5–2.0 for S3/S4).</summary>
    internal (double Minimum, double Maximum) ResolvedScaleJitter()
    {
        var large = Policy is AugmentationPolicy.S3 or AugmentationPolicy.S4;
        return (ScaleJitterMinimum ?? (large ? 0.5 : 0.8), ScaleJitterMaximum ?? (large ? 2.0 : 1.2));
    }

    /// <summary>The TorchVision AutoAugment policy used by S2 and S3. Default: <see cref="torchvision.autoaugment.AutoAugmentPolicy.ImageNet"/>.</summary>
    public torchvision.autoaugment.AutoAugmentPolicy AutoAugmentPolicy { get; set; } = torchvision.autoaugment.AutoAugmentPolicy.ImageNet;

    /// <summary>RandAugment's N: operations applied per image (S4). Default: 2.</summary>
    public int RandAugmentOperations { get; set; } = 2;

    /// <summary>RandAugment's M on the paper's 0–10 scale (S4); 10 is TorchVision's strongest bin. Default: 10.</summary>
    public int RandAugmentMagnitude { get; set; } = 10;

    /// <summary>
    /// Largest random rotation in degrees that S1–S4 add to the scale jitter (each image turns by <c>U(-d, d)</c>, in the
    /// same resampling). Default: 0, the paper's policies; 10–15 suits digits and text, which must not be flipped.
    /// </summary>
    public double MaximumRotationDegrees { get; set; }

    /// <summary>
    /// Strength α in pixels of Simard et al.'s elastic distortion, which S1–S4 add to the scale jitter (same resampling):
    /// each pixel moves by α times a Gaussian-smoothed (σ = <see cref="ElasticSigma"/>) uniform random field. Default: 0
    /// (off, the paper's policies); Simard et al. used α = 34, σ = 4 on 28×28 digits.
    /// </summary>
    public double ElasticAlpha { get; set; }

    /// <summary>Smoothness σ in pixels of the elastic distortion's displacement field. Default: 4.</summary>
    public double ElasticSigma { get; set; } = 4;
}
