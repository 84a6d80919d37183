using System.Text.Json.Serialization;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>Everything needed to rebuild a segmenter network (and to store it in a segmenter archive's manifest).</summary>
/// <param name="Architecture">The backbone family.</param>
/// <param name="Channels">Input channels.</param>
/// <param name="ImageHeight">Input height in pixels (and the masks').</param>
/// <param name="ImageWidth">Input width in pixels (and the masks').</param>
/// <param name="ClassCount">Number of classes K (logits per pixel).</param>
/// <param name="BaseWidth">Channels of the backbone's first stage; later stages double it.</param>
/// <param name="BlocksPerStage">ResNet basic blocks per stage (ignored by the small CNN).</param>
/// <param name="DropoutRate">Dropout before the head's 1×1 classifier.</param>
/// <param name="StochasticDepthRate">Drop probability of the backbone's last residual branch; earlier branches get linearly less.</param>
internal sealed record SegmenterSpec(
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

    /// <summary>The number of trainable parameters of backbone and head.</summary>
    public double ParameterCount()
    {
        var backbone = Backbone;
        return backbone.ParameterCount() + SegmentationHead.ParameterCount(backbone.OutputChannels, ClassCount);
    }

    /// <summary>The network for messages, e.g. "SmallCnn 1×32×32 → 3 classes, width 32".</summary>
    public string Describe() =>
        $"{Architecture} {Channels}×{ImageHeight}×{ImageWidth} → {ClassCount} classes, width {BaseWidth}"
        + (Architecture == BackboneArchitecture.ResNet ? $", blocks {string.Join(",", BlocksPerStage)}" : "");
}
