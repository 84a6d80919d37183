using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Heads;

/// <summary>
/// The embedding of an image: (B, C, h, w) feature map → global average pool → (B, C). No parameters.
/// </summary>
internal sealed class EmbeddingHead : nn.Module<Tensor, Tensor>
{
    private readonly AdaptiveAvgPool2d avgpool;

    public EmbeddingHead()
        : base(nameof(EmbeddingHead))
    {
        avgpool = nn.AdaptiveAvgPool2d(1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return avgpool.forward(input).flatten(1).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            avgpool.Dispose();
        }

        base.Dispose(disposing);
    }
}
