using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Backbones;

/// <summary>
/// A feature extractor that task heads are put on: (B, C, H, W) images → (B, <see cref="OutputChannels"/>, H/<see cref="Stride"/>,
/// W/<see cref="Stride"/>) feature map. Its <c>state_dict</c> is the same inside any task's network, so it can be saved and
/// loaded on its own.
/// </summary>
internal abstract class Backbone : nn.Module<Tensor, Tensor>
{
    protected Backbone(string name, BackboneSpec spec) : base(name)
    {
        Spec = spec;
    }

    /// <summary>The architecture and sizes this backbone was built from.</summary>
    public BackboneSpec Spec { get; }

    /// <summary>Channels of the feature map.</summary>
    public long OutputChannels => Spec.OutputChannels;

    /// <summary>Input pixels per feature-map cell along each axis.</summary>
    public int Stride => Spec.Stride;
}
