using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// The segmenter network: a backbone (<see cref="BackboneArchitecture"/>; the small CNN has stride 4) and a
/// <see cref="SegmentationHead"/> on its feature map, with as many channels in the head as the map has.
/// (B, C, H, W) images → (B, K, H, W) per-pixel logits; the <c>state_dict</c> keys are <c>backbone.*</c> and <c>head.*</c>.
/// </summary>
internal sealed class SegmenterNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Backbone backbone;
    private readonly SegmentationHead head;

    public SegmenterNetwork(SegmenterSpec spec) : base(nameof(SegmenterNetwork))
    {
        backbone = BackboneFactory.Create(spec.Backbone);
        head = new SegmentationHead(backbone.OutputChannels, spec.ClassCount, spec.DropoutRate, spec.ImageHeight, spec.ImageWidth);
        RegisterComponents();
    }

    /// <summary>The feature extractor, which can be saved and loaded on its own.</summary>
    public Backbone Backbone => backbone;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return head.forward(backbone.forward(input)).MoveToOuterDisposeScope();   // (B, K, H, W)
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
