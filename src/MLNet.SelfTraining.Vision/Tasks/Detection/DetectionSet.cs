namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>Detection training rows materialized in memory (pixels already multiplied by the input scale, boxes clipped to the image).</summary>
internal sealed class DetectionSet
{
    public required int Count { get; init; }

    /// <summary>Row-major pixels, <see cref="Count"/> × C·H·W.</summary>
    public required float[] Pixels { get; init; }

    /// <summary>Per row, its boxes' corners x0, y0, x1, y1 in pixels (4 per box; empty for an image without objects).</summary>
    public required float[][] Boxes { get; init; }

    /// <summary>Per row, its boxes' class indices 0…K−1.</summary>
    public required long[][] Classes { get; init; }

    /// <summary>Example weight of each row, or <see langword="null"/> without a weight column.</summary>
    public float[]? Weights { get; init; }

    /// <summary>Whether each row is pseudo-labeled.</summary>
    public required bool[] IsPseudo { get; init; }
}
