using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Heads;

/// <summary>
/// SimCLR's projection head on a backbone's feature map: (B, C, h, w) → global average pool → linear → ReLU → dropout →
/// linear → (B, projection) vectors, on which the contrastive loss is computed. It is discarded after pre-training.
/// </summary>
internal sealed class ProjectionHead : nn.Module<Tensor, Tensor>
{
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Linear fc1;
    private readonly ReLU relu;
    private readonly Dropout dropout;
    private readonly Linear fc2;

    /// <param name="channels">Channels of the feature map.</param>
    /// <param name="hidden">Width of the hidden layer.</param>
    /// <param name="dropoutRate">Dropout probability before the last linear layer.</param>
    /// <param name="projection">Size of the projection.</param>
    public ProjectionHead(long channels, long hidden, double dropoutRate, long projection)
        : base(nameof(ProjectionHead))
    {
        avgpool = nn.AdaptiveAvgPool2d(1);
        fc1 = nn.Linear(channels, hidden);
        relu = nn.ReLU();
        dropout = nn.Dropout(dropoutRate);
        fc2 = nn.Linear(hidden, projection);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var pooled = avgpool.forward(input).flatten(1);                     // (B, C)
        var hidden = dropout.forward(relu.forward(fc1.forward(pooled)));    // (B, hidden)
        return fc2.forward(hidden).MoveToOuterDisposeScope();               // (B, projection)
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            avgpool.Dispose();
            fc1.Dispose();
            relu.Dispose();
            dropout.Dispose();
            fc2.Dispose();
        }

        base.Dispose(disposing);
    }
}
