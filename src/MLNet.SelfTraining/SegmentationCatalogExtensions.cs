using Microsoft.ML;

namespace MLNet.SelfTraining;

/// <summary>The entry point of <see cref="SegmentationCatalog"/> on <see cref="MLContext"/>.</summary>
public static class SegmentationCatalogExtensions
{
    /// <summary>The semantic segmentation catalog of <paramref name="mlContext"/>: trainers, evaluation and self-training.</summary>
    /// <param name="mlContext">The context.</param>
    public static SegmentationCatalog Segmentation(this MLContext mlContext) => new(mlContext);
}
