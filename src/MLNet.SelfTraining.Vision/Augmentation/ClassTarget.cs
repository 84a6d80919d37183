namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>A target that does not move with the pixels: an image's class (or no target at all).</summary>
internal sealed class ClassTarget : AugmentationTarget
{
    public static readonly ClassTarget Instance = new();

    private ClassTarget()
    {
    }

    public override bool MovesWithPixels => false;

    public override AugmentationTarget Warp(GeometricTransform transform) => this;

    public override AugmentationTarget MoveToOuterDisposeScope() => this;
}
