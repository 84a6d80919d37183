using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// The detector network (CenterNet-lite): a backbone (<see cref="BackboneArchitecture"/>; the small CNN's map has stride
/// 4 and 2w channels) and a <see cref="DetectionHead"/> on its feature map (an <see cref="ImageNetwork"/>).
/// (B, C, H, W) images → (B, K + 4, h, w): K heatmap logits, then size (w, h) and offset (x, y) in map cells; the
/// <c>state_dict</c> keys are <c>backbone.*</c> and <c>head.*</c>. The network has no dropout
/// (<see cref="ImageNetworkSpec.DropoutRate"/> is not used).
/// </summary>
internal static class DetectorNetwork
{
    /// <summary>Builds the network of <paramref name="spec"/> with weights drawn from TorchSharp's generator.</summary>
    public static ImageNetwork Create(ImageNetworkSpec spec)
    {
        var backbone = BackboneFactory.Create(spec.Backbone);
        return new ImageNetwork(nameof(DetectorNetwork), backbone, new DetectionHead(backbone.OutputChannels, spec.ClassCount));
    }

    /// <summary>The number of trainable parameters of backbone and head.</summary>
    public static double ParameterCount(ImageNetworkSpec spec)
    {
        var backbone = spec.Backbone;
        return backbone.ParameterCount() + DetectionHead.ParameterCount(backbone.OutputChannels, spec.ClassCount);
    }
}
