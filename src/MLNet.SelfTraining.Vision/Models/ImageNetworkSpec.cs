using System.Text.Json.Serialization;
using MLNet.SelfTraining.Vision.Models.Backbones;

namespace MLNet.SelfTraining.Vision.Models;

/// <summary>
/// Everything needed to rebuild a task's network, a backbone and the task's head (and to store it in the
/// <c>network</c> field of a classifier or segmenter archive's manifest).
/// </summary>
/// <param name="Architecture">The backbone family.</param>
/// <param name="Channels">Input channels.</param>
/// <param name="ImageHeight">Input height in pixels (and the masks', for a segmenter).</param>
/// <param name="ImageWidth">Input width in pixels (and the masks', for a segmenter).</param>
/// <param name="ClassCount">Number of classes (logits, per image or per pixel).</param>
/// <param name="BaseWidth">Channels of the backbone's first stage; later stages double it.</param>
/// <param name="BlocksPerStage">ResNet basic blocks per stage (ignored by the small CNN).</param>
/// <param name="DropoutRate">Dropout before the head's last layer (the classifier's linear layer, the segmenter's 1×1 classifier).</param>
/// <param name="StochasticDepthRate">Drop probability of the backbone's last residual branch; earlier branches get linearly less.</param>
internal sealed record ImageNetworkSpec(
    BackboneArchitecture Architecture,
    int Channels,
    int ImageHeight,
    int ImageWidth,
    int ClassCount,
    int BaseWidth,
    int[] BlocksPerStage,
    double DropoutRate,
    double StochasticDepthRate)
{
    /// <summary>The backbone part.</summary>
    [JsonIgnore]
    public BackboneSpec Backbone => new(Architecture, Channels, BaseWidth, BlocksPerStage, StochasticDepthRate);

    /// <summary>Pixels per image (and per mask), H·W.</summary>
    [JsonIgnore]
    public int PixelCount => ImageHeight * ImageWidth;

    /// <summary>The network a trainer's <see cref="NetworkOptions"/> describe, with <paramref name="classCount"/> classes
    /// (the backbone as <see cref="BackboneSpec.From"/> resolves it).</summary>
    public static ImageNetworkSpec From(NetworkOptions options, int classCount)
    {
        var backbone = BackboneSpec.From(options);
        return new(backbone.Architecture, backbone.Channels, options.ImageHeight, options.ImageWidth, classCount,
            backbone.BaseWidth, backbone.BlocksPerStage, options.DropoutRate, backbone.StochasticDepthRate);
    }

    /// <summary>The network for messages, e.g. "SmallCnn 1×28×28 → 10 classes, width 32".</summary>
    public string Describe() =>
        $"{Architecture} {Channels}×{ImageHeight}×{ImageWidth} → {ClassCount} classes, width {BaseWidth}"
        + (Architecture == BackboneArchitecture.ResNet ? $", blocks {string.Join(",", BlocksPerStage)}" : "");
}
