using MLNet.SelfTraining.Vision.Models.Blocks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Backbones;

/// <summary>
/// The <see cref="BackboneArchitecture.SmallCnn"/> backbone. With width w: (B, C, H, W) → conv-bn-relu(w) → maxpool 2 →
/// conv-bn-relu(2w) → maxpool 2 → two residual conv-bn-relu(2w) with stochastic depth → (B, 2w, ⌊H/4⌋, ⌊W/4⌋). Full-resolution
/// layers are kept narrow: about 7.5M multiply-adds per 1×28×28 image at w = 32.
/// </summary>
internal sealed class SmallCnn : Backbone
{
    private readonly ConvBnRelu conv1;
    private readonly ConvBnRelu conv2;
    private readonly ResidualConvBnRelu conv3;
    private readonly ResidualConvBnRelu conv4;
    private readonly MaxPool2d pool;

    public SmallCnn(BackboneSpec spec) : base(nameof(SmallCnn), spec)
    {
        var width = spec.BaseWidth;
        conv1 = new ConvBnRelu(spec.Channels, width);
        conv2 = new ConvBnRelu(width, 2 * width);
        conv3 = new ResidualConvBnRelu(2 * width, spec.StochasticDepthRate / 2);
        conv4 = new ResidualConvBnRelu(2 * width, spec.StochasticDepthRate);
        pool = nn.MaxPool2d(2);
        RegisterComponents();
    }

    /// <summary>The parameters of <paramref name="spec"/>'s small CNN: four 3×3 convolutions without bias, each with a
    /// batch norm's scale and shift.</summary>
    public static double ParameterCount(BackboneSpec spec)
    {
        double channels = spec.Channels, width = spec.BaseWidth;
        return ConvBnRelu.ParameterCount(channels, width) + ConvBnRelu.ParameterCount(width, 2 * width)
            + (2 * ConvBnRelu.ParameterCount(2 * width, 2 * width));
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = pool.forward(conv1.forward(input));                 // (B, w, H/2, W/2)
        x = pool.forward(conv2.forward(x));                         // (B, 2w, H/4, W/4)
        return conv4.forward(conv3.forward(x)).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            conv2.Dispose();
            conv3.Dispose();
            conv4.Dispose();
            pool.Dispose();
        }

        base.Dispose(disposing);
    }
}
