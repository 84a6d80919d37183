using MLNet.SelfTraining.Vision.Models.Backbones;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models;

/// <summary>
/// A task's network: a backbone and the task's head on its feature map. (B, C, H, W) images → the head's logits; the
/// <c>state_dict</c> keys are <c>backbone.*</c> and <c>head.*</c>. Each task builds its own (<c>ClassifierNetwork</c>,
/// <c>SegmenterNetwork</c>).
/// </summary>
internal sealed class ImageNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Backbone backbone;
    private readonly nn.Module<Tensor, Tensor> head;

    /// <param name="name">The module's name.</param>
    /// <param name="backbone">The feature extractor; owned (disposed) by the network.</param>
    /// <param name="head">The task's head on the backbone's feature map; owned (disposed) by the network.</param>
    public ImageNetwork(string name, Backbone backbone, nn.Module<Tensor, Tensor> head) : base(name)
    {
        this.backbone = backbone;
        this.head = head;
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
