namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>Training rows materialized in memory (pixels already multiplied by the input scale).</summary>
internal sealed class TrainingSet
{
    public required int Count { get; init; }

    /// <summary>Row-major pixels, <see cref="Count"/> × C·H·W.</summary>
    public required float[] Pixels { get; init; }

    /// <summary>Zero-based class of each row.</summary>
    public required long[] Labels { get; init; }

    /// <summary>Example weight of each row, or <see langword="null"/> without a weight column.</summary>
    public float[]? Weights { get; init; }

    /// <summary>Whether each row is pseudo-labeled.</summary>
    public required bool[] IsPseudo { get; init; }

    /// <summary>Row-major class probabilities (<see cref="Count"/> × classes), or <see langword="null"/> for hard labels.</summary>
    public float[]? SoftTargets { get; init; }
}
