using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Heads;

/// <summary>
/// The CenterNet head (Zhou et al. 2019, "Objects as Points") on a backbone's feature map of C channels: three branches,
/// each <c>Conv2d(C, C, 3, padding 1, bias) → ReLU → Conv2d(C, out, 1, bias)</c>:
/// <code>
/// (B, C, h, w) → heatmap: out K (one logit per class and cell; the last bias starts at −2.19, a prior of 0.1)
///              → size:    out 2 (box width and height in map cells)
///              → offset:  out 2 (the centre's offset from its cell, x then y)
///              → concatenated along the channels                           → (B, K + 4, h, w)
/// </code>
/// <c>state_dict</c> keys: <c>heatmap.0.{weight, bias}</c>, <c>heatmap.2.{weight, bias}</c>, and the same under
/// <c>size.</c> and <c>offset.</c> (PyTorch's <c>nn.Sequential(conv, ReLU, conv)</c>).
/// </summary>
internal sealed class DetectionHead : nn.Module<Tensor, Tensor>
{
    /// <summary>The initial bias of the heatmap's last convolution: CenterNet's −2.19 ≈ −ln((1 − 0.1) / 0.1).</summary>
    public const float HeatmapPriorBias = -2.19f;

    /// <summary>Channels after the K heatmap channels: size (2) and offset (2).</summary>
    public const int RegressionChannels = 4;

    private readonly Sequential heatmap;
    private readonly Sequential size;
    private readonly Sequential offset;

    /// <param name="channels">Channels C of the feature map (kept by each branch's 3×3 convolution).</param>
    /// <param name="classCount">Object classes K.</param>
    public DetectionHead(long channels, long classCount) : base(nameof(DetectionHead))
    {
        heatmap = Branch(channels, classCount);
        size = Branch(channels, 2);
        offset = Branch(channels, 2);
        using (no_grad())
        {
            using var prior = HeatmapPriorBias.ToScalar();
            ((Conv2d)heatmap[2]).bias!.fill_(prior);
        }

        RegisterComponents();
    }

    /// <summary>The parameters of a head: three 3×3 convolutions C → C with bias, and 1×1 convolutions to K + 4 outputs with bias.</summary>
    public static double ParameterCount(double channels, double classCount) =>
        (3 * ((channels * channels * 9) + channels)) + ((channels + 1) * (classCount + RegressionChannels));

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return cat([heatmap.forward(input), size.forward(input), offset.forward(input)], 1).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            heatmap.Dispose();
            size.Dispose();
            offset.Dispose();
        }

        base.Dispose(disposing);
    }

    private static Sequential Branch(long channels, long outputs) => nn.Sequential(
        ("0", nn.Conv2d(channels, channels, 3, padding: 1)),
        ("1", nn.ReLU()),
        ("2", nn.Conv2d(channels, outputs, 1)));
}
