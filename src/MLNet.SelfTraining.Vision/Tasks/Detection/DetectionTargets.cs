using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>The CenterNet training targets of a batch on a map of h×w cells (<see cref="CenterNetTargets"/>).</summary>
internal sealed class DetectionTargets : IDisposable
{
    public DetectionTargets(Tensor heatmap, Tensor size, Tensor offset, Tensor centres, long[] boxCounts)
    {
        Heatmap = heatmap;
        Size = size;
        Offset = offset;
        Centres = centres;
        BoxCounts = boxCounts;
    }

    /// <summary>(B, K, h, w) Float32: per class, the Gaussians of its boxes (1 at each centre cell, 0 far from any).</summary>
    public Tensor Heatmap { get; }

    /// <summary>(B, 2, h, w) Float32: box width and height in map cells at each centre cell, 0 elsewhere.</summary>
    public Tensor Size { get; }

    /// <summary>(B, 2, h, w) Float32: the centre's offset from its cell (x, y) at each centre cell, 0 elsewhere.</summary>
    public Tensor Offset { get; }

    /// <summary>(B, 1, h, w) Float32: 1 at the centre cells, 0 elsewhere.</summary>
    public Tensor Centres { get; }

    /// <summary>The number of boxes (centres) of each image, N of the loss's normalization.</summary>
    public long[] BoxCounts { get; }

    public void Dispose()
    {
        Heatmap.Dispose();
        Size.Dispose();
        Offset.Dispose();
        Centres.Dispose();
    }
}
