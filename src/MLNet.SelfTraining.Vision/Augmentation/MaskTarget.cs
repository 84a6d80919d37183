using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// Per-pixel classes: (B, H, W) Byte masks, <see cref="Ignore"/> where a pixel has no class. Geometric transforms
/// resample them with the images' grid, nearest-neighbour (so values stay in the label set), and pixels brought in from
/// outside the image get <see cref="Ignore"/>.
/// </summary>
internal sealed class MaskTarget : AugmentationTarget
{
    /// <summary>The value of pixels without a class (padding, unlabeled).</summary>
    public const byte Ignore = 255;

    public MaskTarget(Tensor masks)
    {
        Masks = masks;
    }

    /// <summary>(B, H, W) Byte class of each pixel.</summary>
    public Tensor Masks { get; }

    public override bool MovesWithPixels => true;

    public override AugmentationTarget Warp(GeometricTransform transform) => new MaskTarget(transform.SampleMasks(Masks, Ignore));

    public override AugmentationTarget MoveToOuterDisposeScope() => new MaskTarget(Masks.MoveToOuterDisposeScope());
}
