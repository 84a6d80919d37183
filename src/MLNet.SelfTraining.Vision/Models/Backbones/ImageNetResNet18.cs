using MLNet.SelfTraining.Vision.Models.Blocks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Backbones;

/// <summary>
/// The <see cref="BackboneArchitecture.ImageNetResNet18"/> backbone: the ResNet of ML.NET's ImageNet featurizer
/// (<c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>): He et al. 2016's ImageNet stem and basic blocks, with 2, 2, 2 and 3
/// blocks per stage (torchvision's ResNet-18 has 2 in the last) at widths 64 to 512. (B, 1 or 3, H, W) pixels in [0, 1] →
/// <see cref="ImageNetInput"/> → conv 7×7/2-bn-relu → maxpool 3×3/2 → layer1 … layer4 → (B, 512, ⌈H/32⌉, ⌈W/32⌉).
/// The shape is fixed: the spec's width and blocks per stage do not apply. Layout and state_dict names follow
/// TorchVision's <c>ResNet</c>; stochastic-depth rates grow linearly with block index up to the spec's rate.
/// </summary>
internal sealed class ImageNetResNet18 : Backbone
{
    /// <summary>Channels of the first stage.</summary>
    public const int Width = 64;

    /// <summary>The option that sets the input channels, as the trainers name it.</summary>
    private const string ChannelsOption = "Network." + nameof(NetworkOptions.ImageChannels);

    /// <summary>Basic blocks per stage.</summary>
    public static readonly IReadOnlyList<int> BlocksPerStage = [2, 2, 2, 3];

    private readonly ImageNetInput preprocess;
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly MaxPool2d maxpool;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;

    /// <exception cref="ArgumentOutOfRangeException">The spec's input channels are neither 1 (grey) nor 3 (RGB).</exception>
    public ImageNetResNet18(BackboneSpec spec) : base(nameof(ImageNetResNet18), spec)
    {
        if (spec.Channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(ChannelsOption, spec.Channels,
                $"The '{ChannelsOption}' option must be 1 (grey) or 3 (RGB) for the {nameof(BackboneArchitecture.ImageNetResNet18)} backbone. Got {spec.Channels} instead.");
        }

        preprocess = new ImageNetInput();
        conv1 = nn.Conv2d(3, Width, 7, stride: 2, padding: 3, bias: false);
        bn1 = nn.BatchNorm2d(Width);
        maxpool = nn.MaxPool2d(3, stride: 2, padding: 1);
        var blockCount = BlocksPerStage.Sum();
        var index = 0;
        long inChannels = Width;
        var stages = new Sequential[BlocksPerStage.Count];
        for (var stage = 0; stage < stages.Length; stage++)
        {
            var outChannels = (long)Width << stage;
            var blocks = new List<nn.Module<Tensor, Tensor>>();
            for (var i = 0; i < BlocksPerStage[stage]; i++)
            {
                var rate = spec.StochasticDepthRate * ++index / blockCount;
                blocks.Add(new BasicBlock(inChannels, outChannels, BlockStride(stage, i), rate));
                inChannels = outChannels;
            }

            stages[stage] = nn.Sequential(blocks);
        }

        (layer1, layer2, layer3, layer4) = (stages[0], stages[1], stages[2], stages[3]);
        RegisterComponents();
    }

    /// <summary>The trainable parameters: the stem convolution and batch norm, then the basic blocks (15.9M).</summary>
    public static double ParameterCount()
    {
        var count = (3.0 * Width * 49) + (2.0 * Width);
        double inChannels = Width;
        for (var stage = 0; stage < BlocksPerStage.Count; stage++)
        {
            var outChannels = Width * Math.Pow(2, stage);
            for (var i = 0; i < BlocksPerStage[stage]; i++)
            {
                count += BasicBlock.ParameterCount(inChannels, outChannels, BlockStride(stage, i));
                inChannels = outChannels;
            }
        }

        return count;
    }

    /// <summary>
    /// The backbone's convolutions with the batch norm after each, by state_dict path (e.g. <c>layer2.0.downsample.0</c>),
    /// in the order an exported graph runs them: the stem, then per block its projection shortcut (if any), its first and
    /// its second convolution.
    /// </summary>
    public IReadOnlyList<(string Path, Conv2d Conv, BatchNorm2d Norm)> ConvolutionsInGraphOrder()
    {
        var modules = named_modules().ToDictionary(m => m.name, m => m.module);
        var layers = new List<(string, Conv2d, BatchNorm2d)> { ("conv1", conv1, bn1) };
        for (var stage = 0; stage < BlocksPerStage.Count; stage++)
        {
            for (var i = 0; i < BlocksPerStage[stage]; i++)
            {
                var block = $"layer{stage + 1}.{i}";
                if (modules.TryGetValue($"{block}.downsample.0", out var projection))
                {
                    layers.Add(($"{block}.downsample.0", (Conv2d)projection, (BatchNorm2d)modules[$"{block}.downsample.1"]));
                }

                layers.Add(($"{block}.conv1", (Conv2d)modules[$"{block}.conv1"], (BatchNorm2d)modules[$"{block}.bn1"]));
                layers.Add(($"{block}.conv2", (Conv2d)modules[$"{block}.conv2"], (BatchNorm2d)modules[$"{block}.bn2"]));
            }
        }

        return layers;
    }

    /// <summary>The first block of every stage but the first halves the resolution.</summary>
    private static int BlockStride(int stage, int block) => stage > 0 && block == 0 ? 2 : 1;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = preprocess.forward(input);                                             // (B, 3, H, W) BGR minus means
        x = maxpool.forward(nn.functional.relu(bn1.forward(conv1.forward(x))));   // (B, 64, H/4, W/4)
        x = layer2.forward(layer1.forward(x));                                    // (B, 128, H/8, W/8)
        return layer4.forward(layer3.forward(x)).MoveToOuterDisposeScope();       // (B, 512, H/32, W/32)
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            preprocess.Dispose();
            conv1.Dispose();
            bn1.Dispose();
            maxpool.Dispose();
            layer1.Dispose();
            layer2.Dispose();
            layer3.Dispose();
            layer4.Dispose();
        }

        base.Dispose(disposing);
    }
}
