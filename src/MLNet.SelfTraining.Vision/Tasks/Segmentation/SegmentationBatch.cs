using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>A segmentation training batch made ready on the training thread: row indices, and the images and masks
/// augmented together.</summary>
internal sealed class SegmentationBatch : IDisposable
{
    public SegmentationBatch(int[] rows, Tensor index, Tensor images, Tensor masks)
    {
        Rows = rows;
        Index = index;
        Images = images;
        Masks = masks;
    }

    /// <summary>The data rows of the batch, human rows first.</summary>
    public int[] Rows { get; }

    /// <summary><see cref="Rows"/> as an Int64 tensor, for gathering the weights.</summary>
    public Tensor Index { get; }

    /// <summary>The gathered, augmented images (B, C, H, W).</summary>
    public Tensor Images { get; }

    /// <summary>The gathered masks, moved with the images (B, H, W), Int64 (the loss's target type); 255 for ignored pixels.</summary>
    public Tensor Masks { get; }

    public void Dispose()
    {
        Index.Dispose();
        Images.Dispose();
        Masks.Dispose();
    }
}
