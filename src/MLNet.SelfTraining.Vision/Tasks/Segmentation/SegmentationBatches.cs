using MLNet.SelfTraining.Vision.Augmentation;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// Gathers the images and masks of a batch's rows and augments them together (<see cref="ImageAugmenter"/> with a
/// <see cref="MaskTarget"/>: geometric steps move the masks with the pixels, nearest neighbour, 255 where the image is
/// padded; photometric steps are colour-only).
/// </summary>
internal sealed class SegmentationBatches
{
    private readonly Tensor _images;
    private readonly Tensor _masks;
    private readonly ImageAugmenter _augmenter;

    /// <param name="images">(N, C, H, W) Float32 images of the whole training set, in [0, 1].</param>
    /// <param name="masks">(N, H, W) Byte masks of the whole training set.</param>
    /// <param name="augmenter">The augmentation.</param>
    public SegmentationBatches(Tensor images, Tensor masks, ImageAugmenter augmenter)
    {
        _images = images;
        _masks = masks;
        _augmenter = augmenter;
    }

    /// <summary>The batch of <paramref name="rows"/>; its tensors belong to no dispose scope (the batch disposes them).</summary>
    public SegmentationBatch Prepare(int[] rows)
    {
        using var scope = NewDisposeScope();
        var index = tensor(Array.ConvertAll(rows, r => (long)r));
        var (images, target) = _augmenter.Apply(_images.index_select(0, index), new MaskTarget(_masks.index_select(0, index)));
        var masks = ((MaskTarget)target).Masks.to_type(ScalarType.Int64);
        return new SegmentationBatch(rows, index.DetachFromDisposeScope(), images.DetachFromDisposeScope(), masks.DetachFromDisposeScope());
    }
}
