namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// The target of a batch of training images, as augmentation sees it: a geometric transform of the images moves boxes
/// and masks with the pixels (<see cref="Warp"/>); a class does not move. Photometric operations touch pixels only.
/// </summary>
internal abstract class AugmentationTarget
{
    /// <summary>Whether the target moves with the pixels, so that the photometric step must not move pixels (the shear,
    /// translate and rotate of TorchVision's AutoAugment and RandAugment).</summary>
    public abstract bool MovesWithPixels { get; }

    /// <summary>The target of the images resampled by <paramref name="transform"/>; its tensors belong to the current
    /// dispose scope.</summary>
    public abstract AugmentationTarget Warp(GeometricTransform transform);

    /// <summary>Moves the target's tensors to the dispose scope outside the current one.</summary>
    public abstract AugmentationTarget MoveToOuterDisposeScope();
}
