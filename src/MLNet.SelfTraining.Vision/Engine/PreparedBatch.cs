using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>A training batch made ready by the batch source (on the training thread): row indices and the augmented images.</summary>
internal sealed class PreparedBatch : IDisposable
{
    public PreparedBatch(int[] rows, Tensor index, Tensor images)
    {
        Rows = rows;
        Index = index;
        Images = images;
    }

    /// <summary>The data rows of the batch, human rows first.</summary>
    public int[] Rows { get; }

    /// <summary><see cref="Rows"/> as an Int64 tensor, for gathering targets and weights.</summary>
    public Tensor Index { get; }

    /// <summary>The gathered, augmented images (B, C, H, W).</summary>
    public Tensor Images { get; }

    public void Dispose()
    {
        Index.Dispose();
        Images.Dispose();
    }
}
