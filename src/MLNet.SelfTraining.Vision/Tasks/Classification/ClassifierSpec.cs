using System.Text.Json.Serialization;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>Everything needed to rebuild a classifier network (and to store it in a classifier archive's manifest).</summary>
/// <param name="Architecture">The backbone family.</param>
/// <param name="Channels">Input channels.</param>
/// <param name="ImageHeight">Input height in pixels.</param>
/// <param name="ImageWidth">Input width in pixels.</param>
/// <param name="ClassCount">Number of classes (logits).</param>
/// <param name="BaseWidth">Channels of the backbone's first stage; later stages double it.</param>
/// <param name="BlocksPerStage">ResNet basic blocks per stage (ignored by the small CNN).</param>
/// <param name="DropoutRate">Dropout before the head's linear layer.</param>
/// <param name="StochasticDepthRate">Drop probability of the last residual branch; earlier branches get linearly less.</param>
internal sealed record ClassifierSpec(
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

    /// <summary>How the head pools: the small CNN's classifier flattens its (fixed-size) map, the ResNet's averages it.</summary>
    [JsonIgnore]
    public HeadPooling Pooling => Architecture == BackboneArchitecture.SmallCnn ? HeadPooling.Flatten : HeadPooling.GlobalAverage;

    /// <summary>The number of trainable parameters of backbone and head.</summary>
    public double ParameterCount()
    {
        var backbone = Backbone;
        return backbone.ParameterCount() + ClassificationHead.ParameterCount(Pooling, backbone.OutputChannels,
            ImageHeight / backbone.Stride, ImageWidth / backbone.Stride, ClassCount);
    }

    /// <summary>The network for messages, e.g. "SmallCnn 1×28×28 → 10 classes, width 32".</summary>
    public string Describe() =>
        $"{Architecture} {Channels}×{ImageHeight}×{ImageWidth} → {ClassCount} classes, width {BaseWidth}"
        + (Architecture == BackboneArchitecture.ResNet ? $", blocks {string.Join(",", BlocksPerStage)}" : "");
}
