using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>
/// The <c>manifest.json</c> entry of a classifier archive: format name and version, the network, the input and class
/// description, and the column names. Serialized as camel-case JSON with enums as strings.
/// </summary>
internal sealed record ModelManifest
{
    public const string FormatName = "MLNet.SelfTraining.Vision.TorchImageClassifier";
    public const int CurrentFormatVersion = 1;

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>The archive layout version; readers reject newer versions.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The network: architecture, hyperparameters, input shape (C, H, W) and class count.</summary>
    public required ModelSpec Network { get; init; }

    /// <summary>The label's key values (class names) in key order, or <see langword="null"/> when they were not text.</summary>
    public string[]? ClassNames { get; init; }

    public required string FeatureColumnName { get; init; }

    public required string LabelColumnName { get; init; }

    public string ScoreColumnName { get; init; } = "Score";

    public string PredictedLabelColumnName { get; init; } = "PredictedLabel";

    /// <summary>Factor applied to pixels before the network.</summary>
    public required float InputScale { get; init; }

    public required int InferenceBatchSize { get; init; }

    public required int NumberOfThreads { get; init; }

    /// <summary>The zip entry holding the TorchSharp weights (<c>Module.save</c> format).</summary>
    public string WeightsEntry { get; init; } = "weights.bin";
}
