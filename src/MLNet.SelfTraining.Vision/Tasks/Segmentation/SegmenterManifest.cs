using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// The <c>manifest.json</c> entry of a segmenter archive: format name and version, the network, the class names, and
/// the column names. The weights are stored under the network's <c>backbone.*</c> and <c>head.*</c> keys.
/// </summary>
internal sealed record SegmenterManifest : IArchiveManifest
{
    public static string FormatName => "MLNet.SelfTraining.Vision.TorchImageSegmenter";

    public static int CurrentFormatVersion => 1;

    public static string Description => "segmenter archive";

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The network: architecture, hyperparameters, input shape (C, H, W) and class count.</summary>
    public required ImageNetworkSpec Network { get; init; }

    /// <summary>The K class names, in class-index order.</summary>
    public required string[] ClassNames { get; init; }

    public required string FeatureColumnName { get; init; }

    public required string MaskColumnName { get; init; }

    public string PredictedMaskColumnName { get; init; } = DefaultColumnNames.PredictedMask;

    public string ConfidenceColumnName { get; init; } = DefaultColumnNames.Confidence;

    /// <summary>Factor applied to pixels before the network.</summary>
    public required float InputScale { get; init; }

    public required int InferenceBatchSize { get; init; }

    public required int NumberOfThreads { get; init; }

    public string WeightsEntry { get; init; } = "weights.bin";
}
