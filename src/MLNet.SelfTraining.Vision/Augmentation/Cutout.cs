using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// DeVries and Taylor's Cutout ("Improved regularization of convolutional neural networks with Cutout", 2017), as in
/// FixMatch's strong augmentation: each image gets one square of side <c>size</c> pixels set to 0, centred on a uniformly
/// random pixel (the square may be clipped by the border). (B, C, H, W) → (B, C, H, W), for the whole batch at once.
/// </summary>
internal sealed class Cutout
{
    private readonly int _size;

    public Cutout(int size)
    {
        _size = size;
    }

    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (n, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        var top = randint(0, height, [n, 1, 1], generator: generator).sub(_size / 2);
        var left = randint(0, width, [n, 1, 1], generator: generator).sub(_size / 2);
        var rows = arange(height).view(1, -1, 1);
        var columns = arange(width).view(1, 1, -1);
        var inside = rows.ge(top).logical_and(rows.lt(top.add(_size)))
            .logical_and(columns.ge(left).logical_and(columns.lt(left.add(_size))));   // (B, H, W)
        return images.masked_fill(inside.unsqueeze(1), 0).MoveToOuterDisposeScope();
    }
}
