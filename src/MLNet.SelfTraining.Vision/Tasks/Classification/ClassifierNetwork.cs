using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// The classifier network: a backbone and a <see cref="ClassificationHead"/> (an <see cref="ImageNetwork"/>).
/// (B, C, H, W) images → (B, classes) logits; the <c>state_dict</c> keys are <c>backbone.*</c> and <c>head.*</c>.
/// </summary>
internal static class ClassifierNetwork
{
    /// <summary>Builds the network of <paramref name="spec"/> with weights drawn from TorchSharp's generator.</summary>
    public static ImageNetwork Create(ImageNetworkSpec spec)
    {
        var backbone = BackboneFactory.Create(spec.Backbone);
        var head = new ClassificationHead(Pooling(spec), backbone.OutputChannels, spec.ImageHeight / backbone.Stride,
            spec.ImageWidth / backbone.Stride, spec.DropoutRate, spec.ClassCount);
        return new ImageNetwork(nameof(ClassifierNetwork), backbone, head);
    }

    /// <summary>The number of trainable parameters of backbone and head.</summary>
    public static double ParameterCount(ImageNetworkSpec spec)
    {
        var backbone = spec.Backbone;
        return backbone.ParameterCount() + ClassificationHead.ParameterCount(Pooling(spec), backbone.OutputChannels,
            spec.ImageHeight / backbone.Stride, spec.ImageWidth / backbone.Stride, spec.ClassCount);
    }

    /// <summary>How the head pools: the small CNN's classifier flattens its (fixed-size) map, the ResNet's averages it.</summary>
    private static HeadPooling Pooling(ImageNetworkSpec spec) =>
        spec.Architecture == BackboneArchitecture.SmallCnn ? HeadPooling.Flatten : HeadPooling.GlobalAverage;
}
