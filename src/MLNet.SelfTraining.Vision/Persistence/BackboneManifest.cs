using MLNet.SelfTraining.Vision.Models.Backbones;

namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>The <c>manifest.json</c> entry of a backbone archive: format name and version, and the backbone.</summary>
internal sealed record BackboneManifest : IArchiveManifest
{
    public static string FormatName => "MLNet.SelfTraining.Vision.Backbone";

    public static int CurrentFormatVersion => 1;

    public static string Description => "backbone archive";

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The backbone: architecture, input channels, width, blocks, and the stochastic-depth rate it was trained with.</summary>
    public required BackboneSpec Backbone { get; init; }

    public string WeightsEntry { get; init; } = "weights.bin";
}
