using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>
/// The <c>manifest.json</c> entry of a SimCLR embedding archive: format name and version, the backbone, the input shape,
/// the column names and the scoring settings. The weights are the embedding network's (<c>backbone.*</c>; the
/// projection head is not kept).
/// </summary>
internal sealed record SimClrManifest : IArchiveManifest
{
    public static string FormatName => "MLNet.SelfTraining.Vision.TorchSimClr";

    public static int CurrentFormatVersion => 1;

    public static string Description => "SimCLR embedding archive";

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The backbone: architecture, input channels, width, blocks, and the stochastic-depth rate it was trained with.</summary>
    public required BackboneSpec Backbone { get; init; }

    public required int ImageHeight { get; init; }

    public required int ImageWidth { get; init; }

    public required string FeatureColumnName { get; init; }

    public required string OutputColumnName { get; init; }

    /// <summary>Factor applied to pixels before the network.</summary>
    public required float InputScale { get; init; }

    public required int InferenceBatchSize { get; init; }

    public required int NumberOfThreads { get; init; }

    public string WeightsEntry { get; init; } = "weights.bin";

    /// <summary>The manifest of a model of <paramref name="info"/> trained with <paramref name="numberOfThreads"/> threads.</summary>
    public static SimClrManifest Of(SimClrInfo info, int numberOfThreads) => new()
    {
        Backbone = info.Backbone,
        ImageHeight = info.ImageHeight,
        ImageWidth = info.ImageWidth,
        FeatureColumnName = info.FeatureColumnName,
        OutputColumnName = info.OutputColumnName,
        InputScale = info.InputScale,
        InferenceBatchSize = info.InferenceBatchSize,
        NumberOfThreads = numberOfThreads,
    };

    /// <summary>What scoring needs, from a checked manifest.</summary>
    public SimClrInfo Info() => new(FeatureColumnName, OutputColumnName, Backbone, ImageHeight, ImageWidth, InputScale, InferenceBatchSize);
}
