using MLNet.SelfTraining.Vision.Augmentation;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// Gathers the images and boxes of a batch's rows and augments them together (<see cref="ImageAugmenter"/> with a
/// <see cref="BoxTarget"/>: geometric steps move the boxes' corners with the pixels, clip them to the image and drop the
/// boxes that leave it, with their classes; photometric steps are colour-only).
/// </summary>
internal sealed class DetectionBatches
{
    private readonly Tensor _images;
    private readonly DetectionSet _data;
    private readonly ImageAugmenter _augmenter;

    /// <param name="images">(N, C, H, W) Float32 images of the whole training set, in [0, 1].</param>
    /// <param name="data">The training set's boxes and classes.</param>
    /// <param name="augmenter">The augmentation.</param>
    public DetectionBatches(Tensor images, DetectionSet data, ImageAugmenter augmenter)
    {
        _images = images;
        _data = data;
        _augmenter = augmenter;
    }

    /// <summary>The batch of <paramref name="rows"/>; its tensors belong to no dispose scope (the batch disposes them).</summary>
    public DetectionBatch Prepare(int[] rows)
    {
        using var scope = NewDisposeScope();
        var index = tensor(Array.ConvertAll(rows, r => (long)r));
        var target = new BoxTarget(
            Array.ConvertAll(rows, r => tensor(_data.Boxes[r], [_data.Classes[r].Length, 4])),
            Array.ConvertAll(rows, r => tensor(_data.Classes[r])));
        var (images, moved) = _augmenter.Apply(_images.index_select(0, index), target);
        var boxes = (BoxTarget)moved;
        return new DetectionBatch(rows, index.DetachFromDisposeScope(), images.DetachFromDisposeScope(),
            [.. boxes.Boxes.Select(b => b.DetachFromDisposeScope())], [.. boxes.Classes.Select(c => c.DetachFromDisposeScope())]);
    }
}
