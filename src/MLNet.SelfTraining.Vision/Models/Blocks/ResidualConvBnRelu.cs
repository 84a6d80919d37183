using MLNet.SelfTraining.Vision.Engine;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Blocks;

/// <summary>
/// <c>x + StochasticDepth(ConvBnRelu(x))</c>: a shape-preserving residual conv-bn-relu whose branch is dropped per
/// sample with probability <c>stochasticDepth</c> during training. (B, C, H, W) → (B, C, H, W).
/// </summary>
internal sealed class ResidualConvBnRelu : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnRelu branch;
    private readonly RowStochasticDepth drop;

    public ResidualConvBnRelu(long channels, double stochasticDepth) : base(nameof(ResidualConvBnRelu))
    {
        branch = new ConvBnRelu(channels, channels);
        drop = new RowStochasticDepth(stochasticDepth);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return input.add(drop.forward(branch.forward(input)), alpha: KeptScalars.One).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            branch.Dispose();
            drop.Dispose();
        }

        base.Dispose(disposing);
    }
}
