using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// The classifier network: a backbone and a classification head. (B, C, H, W) images → (B, classes) logits; the
/// <c>state_dict</c> keys are <c>backbone.*</c> and <c>head.*</c>.
/// </summary>
internal sealed class ClassifierNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Backbone backbone;
    private readonly ClassificationHead head;

    public ClassifierNetwork(ClassifierSpec spec) : base(nameof(ClassifierNetwork))
    {
        backbone = BackboneFactory.Create(spec.Backbone);
        head = new ClassificationHead(spec.Pooling, backbone.OutputChannels, spec.ImageHeight / backbone.Stride,
            spec.ImageWidth / backbone.Stride, spec.DropoutRate, spec.ClassCount);
        RegisterComponents();
    }

    /// <summary>The feature extractor, which can be saved and loaded on its own.</summary>
    public Backbone Backbone => backbone;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return head.forward(backbone.forward(input)).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            backbone.Dispose();
            head.Dispose();
        }

        base.Dispose(disposing);
    }
}
