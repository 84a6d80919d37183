using MLNet.SelfTraining.Vision.Engine;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Blocks;

/// <summary>
/// ResNet basic block (He et al. 2016) with stochastic depth on the residual branch:
/// <c>relu(shortcut(x) + StochasticDepth(bn2(conv2(relu(bn1(conv1(x)))))))</c>. (B, in, H, W) → (B, out, H/stride, W/stride).
/// Layout and state_dict names follow TorchVision's <c>BasicBlock</c>.
/// </summary>
internal sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;
    private readonly RowStochasticDepth drop;

    public BasicBlock(long inChannels, long outChannels, long stride, double stochasticDepth) : base(nameof(BasicBlock))
    {
        conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(outChannels);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(outChannels);
        if (HasDownsample(inChannels, outChannels, stride))
        {
            downsample = nn.Sequential(nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), nn.BatchNorm2d(outChannels));
        }

        drop = new RowStochasticDepth(stochasticDepth);
        RegisterComponents();
    }

    /// <summary>The parameters of a block: two 3×3 convolutions without bias and, when the shape changes, a 1×1
    /// projection, each with a batch norm's scale and shift.</summary>
    public static double ParameterCount(double inChannels, double outChannels, long stride) =>
        ConvBnRelu.ParameterCount(inChannels, outChannels) + ConvBnRelu.ParameterCount(outChannels, outChannels)
        + (HasDownsample(inChannels, outChannels, stride) ? (inChannels * outChannels) + (2 * outChannels) : 0);

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var branch = nn.functional.relu(bn1.forward(conv1.forward(input)));
        branch = drop.forward(bn2.forward(conv2.forward(branch)));
        var shortcut = downsample is null ? input : downsample.forward(input);
        return nn.functional.relu(shortcut.add(branch, alpha: KeptScalars.One)).MoveToOuterDisposeScope();
    }

    /// <summary>Whether the shortcut needs a projection: when the block changes the resolution or the channels.</summary>
    private static bool HasDownsample(double inChannels, double outChannels, long stride) => stride != 1 || inChannels != outChannels;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            bn1.Dispose();
            conv2.Dispose();
            bn2.Dispose();
            downsample?.Dispose();
            drop.Dispose();
        }

        base.Dispose(disposing);
    }
}
