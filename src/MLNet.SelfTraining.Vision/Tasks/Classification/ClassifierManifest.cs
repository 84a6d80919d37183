using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// The <c>manifest.json</c> entry of a classifier archive: format name and version, the network, the input and class
/// description, and the column names.
/// </summary>
/// <remarks>Version 2 stores the weights under the network's <c>backbone.*</c> and <c>head.*</c> keys; version 1 archives
/// (before the backbone/head split) are read through <see cref="ClassifierArchiveV1"/>.</remarks>
internal sealed record ClassifierManifest : IArchiveManifest
{
    public static string FormatName => "MLNet.SelfTraining.Vision.TorchImageClassifier";

    public static int CurrentFormatVersion => 2;

    public static string Description => "classifier archive";

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The network: architecture, hyperparameters, input shape (C, H, W) and class count.</summary>
    public required ImageNetworkSpec Network { get; init; }

    /// <summary>The label's key values (class names) in key order, or <see langword="null"/> when they were not text.</summary>
    public string[]? ClassNames { get; init; }

    public required string FeatureColumnName { get; init; }

    public required string LabelColumnName { get; init; }

    public string ScoreColumnName { get; init; } = ScoreColumn.DefaultName;

    public string PredictedLabelColumnName { get; init; } = PredictedLabelColumn.DefaultName;

    /// <summary>Factor applied to pixels before the network.</summary>
    public required float InputScale { get; init; }

    public required int InferenceBatchSize { get; init; }

    public required int NumberOfThreads { get; init; }

    public string WeightsEntry { get; init; } = "weights.bin";
}
