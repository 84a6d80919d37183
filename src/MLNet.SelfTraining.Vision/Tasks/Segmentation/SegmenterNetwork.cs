using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// The segmenter network: a backbone (<see cref="BackboneArchitecture"/>; the small CNN has stride 4) and a
/// <see cref="SegmentationHead"/> on its feature map, with as many channels in the head as the map has (an
/// <see cref="ImageNetwork"/>). (B, C, H, W) images → (B, K, H, W) per-pixel logits; the <c>state_dict</c> keys are
/// <c>backbone.*</c> and <c>head.*</c>.
/// </summary>
internal static class SegmenterNetwork
{
    /// <summary>Builds the network of <paramref name="spec"/> with weights drawn from TorchSharp's generator.</summary>
    public static ImageNetwork Create(ImageNetworkSpec spec)
    {
        var backbone = BackboneFactory.Create(spec.Backbone);
        var head = new SegmentationHead(backbone.OutputChannels, spec.ClassCount, spec.DropoutRate, spec.ImageHeight, spec.ImageWidth);
        return new ImageNetwork(nameof(SegmenterNetwork), backbone, head);
    }

    /// <summary>The number of trainable parameters of backbone and head.</summary>
    public static double ParameterCount(ImageNetworkSpec spec)
    {
        var backbone = spec.Backbone;
        return backbone.ParameterCount() + SegmentationHead.ParameterCount(backbone.OutputChannels, spec.ClassCount);
    }
}
