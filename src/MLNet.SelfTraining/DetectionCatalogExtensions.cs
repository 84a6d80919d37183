using Microsoft.ML;

namespace MLNet.SelfTraining;

/// <summary>The entry point of <see cref="DetectionCatalog"/> on <see cref="MLContext"/>.</summary>
public static class DetectionCatalogExtensions
{
    /// <summary>The object detection catalog of <paramref name="mlContext"/>: trainers, evaluation and self-training.</summary>
    /// <param name="mlContext">The context.</param>
    public static DetectionCatalog Detection(this MLContext mlContext) => new(mlContext);
}
