using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Blocks;

/// <summary>3×3 convolution (no bias; padding = dilation, so a stride of 1 keeps the size), batch normalization, ReLU.
/// (B, in, H, W) → (B, out, H/stride, W/stride).</summary>
internal sealed class ConvBnRelu : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;

    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="stride">Convolution stride.</param>
    /// <param name="dilation">Convolution dilation (spacing of the kernel's taps), also its padding.</param>
    public ConvBnRelu(long inChannels, long outChannels, long stride = 1, long dilation = 1) : base(nameof(ConvBnRelu))
    {
        conv = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: dilation, dilation: dilation, bias: false);
        bn = nn.BatchNorm2d(outChannels);
        RegisterComponents();
    }

    /// <summary>The parameters of a 3×3 convolution without bias and its batch norm's scale and shift.</summary>
    public static double ParameterCount(double inChannels, double outChannels) => (inChannels * outChannels * 9) + (2 * outChannels);

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return nn.functional.relu(bn.forward(conv.forward(input))).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv.Dispose();
            bn.Dispose();
        }

        base.Dispose(disposing);
    }
}
