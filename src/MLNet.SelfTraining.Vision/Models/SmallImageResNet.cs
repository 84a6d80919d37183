using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models;

/// <summary>
/// The <see cref="ImageClassifierArchitecture.ResNet"/> network: a CIFAR-style ResNet (3×3 stem, no max pooling).
/// (B, C, H, W) → conv-bn-relu(w) → stages of basic blocks with widths w, 2w, 4w, … (stride 2 from the second stage)
/// → global average pooling (B, w·2^(S−1)) → dropout → linear → (B, classes) logits. Stochastic-depth rates grow
/// linearly with block index up to <see cref="ModelSpec.StochasticDepthRate"/> (Huang et al. 2016).
/// </summary>
internal sealed class SmallImageResNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Sequential layers;
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Dropout dropout;
    private readonly Linear fc;

    public SmallImageResNet(ModelSpec spec) : base(nameof(SmallImageResNet))
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
                var stride = stage > 0 && i == 0 ? 2 : 1;
                var rate = spec.StochasticDepthRate * (blocks.Count + 1) / blockCount;
                blocks.Add(new BasicBlock(inChannels, outChannels, stride, rate));
                inChannels = outChannels;
            }
        }
        layers = nn.Sequential(blocks);
        avgpool = nn.AdaptiveAvgPool2d(1);
        dropout = nn.Dropout(spec.DropoutRate);
        fc = nn.Linear(inChannels, spec.ClassCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.forward(conv1.forward(input)));   // (B, w, H, W)
        x = avgpool.forward(layers.forward(x)).flatten(1);               // (B, w·2^(S−1))
        return fc.forward(dropout.forward(x)).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            bn1.Dispose();
            layers.Dispose();
            avgpool.Dispose();
            dropout.Dispose();
            fc.Dispose();
        }
        base.Dispose(disposing);
    }
}
