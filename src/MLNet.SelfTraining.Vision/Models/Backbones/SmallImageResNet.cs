using MLNet.SelfTraining.Vision.Models.Blocks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Backbones;

/// <summary>
/// The <see cref="BackboneArchitecture.ResNet"/> backbone: a CIFAR-style ResNet (3×3 stem, no max pooling).
/// (B, C, H, W) → conv-bn-relu(w) → stages of basic blocks with widths w, 2w, 4w, … (stride 2 from the second stage) →
/// (B, w·2^(S−1), H/2^(S−1), W/2^(S−1)). Stochastic-depth rates grow linearly with block index up to
/// <see cref="BackboneSpec.StochasticDepthRate"/> (Huang et al. 2016).
/// </summary>
internal sealed class SmallImageResNet : Backbone
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Sequential layers;

    public SmallImageResNet(BackboneSpec spec) : base(nameof(SmallImageResNet), spec)
    {
        long width = spec.BaseWidth;
        conv1 = nn.Conv2d(spec.Channels, width, 3, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(width);
        var blockCount = spec.BlocksPerStage.Sum();
        var blocks = new List<nn.Module<Tensor, Tensor>>();
        var inChannels = width;
        for (var stage = 0; stage < spec.BlocksPerStage.Length; stage++)
        {
            var outChannels = width << stage;
            for (var i = 0; i < spec.BlocksPerStage[stage]; i++)
            {
                var rate = spec.StochasticDepthRate * (blocks.Count + 1) / blockCount;
                blocks.Add(new BasicBlock(inChannels, outChannels, BlockStride(stage, i), rate));
                inChannels = outChannels;
            }
        }

        layers = nn.Sequential(blocks);
        RegisterComponents();
    }

    /// <summary>The parameters of <paramref name="spec"/>'s ResNet: the stem convolution and batch norm, then the basic blocks.</summary>
    public static double ParameterCount(BackboneSpec spec)
    {
        double width = spec.BaseWidth;
        var count = (spec.Channels * width * 9) + (2 * width);
        var inChannels = width;
        for (var stage = 0; stage < spec.BlocksPerStage.Length; stage++)
        {
            var outChannels = width * Math.Pow(2, stage);
            for (var i = 0; i < spec.BlocksPerStage[stage]; i++)
            {
                count += BasicBlock.ParameterCount(inChannels, outChannels, BlockStride(stage, i));
                inChannels = outChannels;
            }
        }

        return count;
    }

    /// <summary>The first block of every stage but the first halves the resolution.</summary>
    private static int BlockStride(int stage, int block) => stage > 0 && block == 0 ? 2 : 1;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.forward(conv1.forward(input)));   // (B, w, H, W)
        return layers.forward(x).MoveToOuterDisposeScope();                // (B, w·2^(S−1), H/2^(S−1), W/2^(S−1))
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            bn1.Dispose();
            layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
