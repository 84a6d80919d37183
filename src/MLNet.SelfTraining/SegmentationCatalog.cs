using Microsoft.ML;

namespace MLNet.SelfTraining;

/// <summary>
/// Semantic segmentation in ML.NET's catalog style (ML.NET has no segmentation catalog): obtain it with
/// <see cref="SegmentationCatalogExtensions.Segmentation(MLContext)"/>. Trainers plug into <see cref="Trainers"/> as
/// extension methods (e.g. the TorchSharp segmenter of MLNet.SelfTraining.Vision).
/// </summary>
public sealed class SegmentationCatalog
{
    internal SegmentationCatalog(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        MLContext = mlContext;
        Trainers = new SegmentationTrainers(mlContext);
    }

    /// <summary>The segmentation trainers: extension methods of other assemblies hang on this.</summary>
    public SegmentationTrainers Trainers { get; }

    /// <summary>The context the catalog was obtained from (logging, seeds, temporary files).</summary>
    internal MLContext MLContext { get; }

    /// <summary>The place segmentation trainers are added to as extension methods.</summary>
    public sealed class SegmentationTrainers
    {
        internal SegmentationTrainers(MLContext mlContext)
        {
            MLContext = mlContext;
        }

        /// <summary>The context the catalog was obtained from.</summary>
        internal MLContext MLContext { get; }
    }
}
