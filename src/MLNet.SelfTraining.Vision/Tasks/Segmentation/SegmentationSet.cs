namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>Segmentation training rows materialized in memory (pixels already multiplied by the input scale).</summary>
internal sealed class SegmentationSet
{
    public required int Count { get; init; }

    /// <summary>Row-major pixels, <see cref="Count"/> × C·H·W.</summary>
    public required float[] Pixels { get; init; }

    /// <summary>Row-major masks, <see cref="Count"/> × H·W: class indices, or 255 for pixels left out of the loss.</summary>
    public required byte[] Masks { get; init; }

    /// <summary>Example weight of each row, or <see langword="null"/> without a weight column.</summary>
    public float[]? Weights { get; init; }

    /// <summary>Whether each row is pseudo-labeled.</summary>
    public required bool[] IsPseudo { get; init; }
}
