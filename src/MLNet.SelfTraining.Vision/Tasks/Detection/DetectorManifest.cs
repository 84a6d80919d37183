using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// The <c>manifest.json</c> entry of a detector archive: format name and version, the network, the class names, the
/// decoding settings, and the column names. The weights are stored under the network's <c>backbone.*</c> and
/// <c>head.*</c> keys.
/// </summary>
internal sealed record DetectorManifest : IArchiveManifest
{
    public static string FormatName => "MLNet.SelfTraining.Vision.TorchObjectDetector";

    public static int CurrentFormatVersion => 1;

    public static string Description => "detector archive";

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The network: architecture, hyperparameters, input shape (C, H, W) and class count K.</summary>
    public required ImageNetworkSpec Network { get; init; }

    /// <summary>The K class names, in class-index order.</summary>
    public required string[] ClassNames { get; init; }

    public required string FeatureColumnName { get; init; }

    public required string LabelColumnName { get; init; }

    public required string BoxColumnName { get; init; }

    public required string PredictedLabelColumnName { get; init; }

    public required string ScoreColumnName { get; init; }

    public required string PredictedBoundingBoxesColumnName { get; init; }

    public required float ScoreThreshold { get; init; }

    public required float NmsIouThreshold { get; init; }

    public required int MaximumDetections { get; init; }

    /// <summary>Factor applied to pixels before the network.</summary>
    public required float InputScale { get; init; }

    public required int InferenceBatchSize { get; init; }

    public required int NumberOfThreads { get; init; }

    public string WeightsEntry { get; init; } = "weights.bin";
}
