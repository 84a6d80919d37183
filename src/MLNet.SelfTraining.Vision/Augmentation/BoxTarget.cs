using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// Object boxes, per image: (N, 4) Float32 corners <c>x0 y0 x1 y1</c> in pixels (x to the right, y down, edges of the
/// image at 0 and W, H) and the (N) Int64 class of each box. Geometric transforms move the corners and clip the boxes to
/// the image; a box that leaves the image is dropped with its class.
/// </summary>
internal sealed class BoxTarget : AugmentationTarget
{
    public BoxTarget(IReadOnlyList<Tensor> boxes, IReadOnlyList<Tensor> classes)
    {
        Boxes = boxes;
        Classes = classes;
    }

    /// <summary>(N, 4) corners of each image's boxes.</summary>
    public IReadOnlyList<Tensor> Boxes { get; }

    /// <summary>(N) class of each image's boxes.</summary>
    public IReadOnlyList<Tensor> Classes { get; }

    public override bool MovesWithPixels => true;

    public override AugmentationTarget Warp(GeometricTransform transform)
    {
        var boxes = new Tensor[Boxes.Count];
        var classes = new Tensor[Boxes.Count];
        for (var image = 0; image < boxes.Length; image++)
        {
            Tensor kept;
            (boxes[image], kept) = transform.MapBoxes(Boxes[image], image);
            classes[image] = Classes[image].index(kept);
        }

        return new BoxTarget(boxes, classes);
    }

    public override AugmentationTarget MoveToOuterDisposeScope() =>
        new BoxTarget(Boxes.Select(b => b.MoveToOuterDisposeScope()).ToArray(), Classes.Select(c => c.MoveToOuterDisposeScope()).ToArray());
}
