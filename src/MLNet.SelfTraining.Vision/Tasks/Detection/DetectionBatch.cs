using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>A detection training batch made ready on the training thread: row indices, and the images and boxes
/// augmented together.</summary>
internal sealed class DetectionBatch : IDisposable
{
    public DetectionBatch(int[] rows, Tensor index, Tensor images, IReadOnlyList<Tensor> boxes, IReadOnlyList<Tensor> classes)
    {
        Rows = rows;
        Index = index;
        Images = images;
        Boxes = boxes;
        Classes = classes;
    }

    /// <summary>The data rows of the batch, human rows first.</summary>
    public int[] Rows { get; }

    /// <summary><see cref="Rows"/> as an Int64 tensor, for gathering the weights.</summary>
    public Tensor Index { get; }

    /// <summary>The gathered, augmented images (B, C, H, W).</summary>
    public Tensor Images { get; }

    /// <summary>Per image, its (N, 4) boxes moved with the pixels (those that left the image dropped).</summary>
    public IReadOnlyList<Tensor> Boxes { get; }

    /// <summary>Per image, the (N) Int64 classes of <see cref="Boxes"/>.</summary>
    public IReadOnlyList<Tensor> Classes { get; }

    public void Dispose()
    {
        Index.Dispose();
        Images.Dispose();
        foreach (var tensor in Boxes.Concat(Classes))
        {
            tensor.Dispose();
        }
    }
}
