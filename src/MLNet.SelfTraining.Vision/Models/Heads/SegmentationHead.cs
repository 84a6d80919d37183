using MLNet.SelfTraining.Vision.Models.Blocks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Heads;

/// <summary>
/// The FCN-style segmentation head (Long et al. 2015; torchvision's <c>FCNHead</c> with dilated convolutions as in
/// DeepLab) on a backbone's feature map of C channels:
/// <code>
/// (B, C, h, w) → conv1: Conv2d(C, C, 3, padding 2, dilation 2, no bias) → BatchNorm2d(C) → ReLU
///              → conv2: Conv2d(C, C, 3, padding 4, dilation 4, no bias) → BatchNorm2d(C) → ReLU
///              → dropout: Dropout(p)
///              → classifier: Conv2d(C, K, 1, with bias)                                → (B, K, h, w)
///              → bilinear interpolation to (H, W), align_corners = false               → (B, K, H, W) logits
/// </code>
/// <c>state_dict</c> keys: <c>conv1.conv.weight</c>, <c>conv1.bn.{weight, bias, running_mean, running_var,
/// num_batches_tracked}</c>, the same under <c>conv2.</c>, and <c>classifier.{weight, bias}</c>. BatchNorm has PyTorch's
/// defaults (momentum 0.1, eps 1e-5). (H, W) is the network's input size: ×stride of the map when the input's sides are
/// multiples of the backbone's stride.
/// </summary>
internal sealed class SegmentationHead : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnRelu conv1;
    private readonly ConvBnRelu conv2;
    private readonly Dropout dropout;
    private readonly Conv2d classifier;
    private readonly long[] _outputSize;

    /// <param name="channels">Channels of the feature map (kept by the two dilated convolutions).</param>
    /// <param name="classCount">Classes K (logits per pixel).</param>
    /// <param name="dropoutRate">Dropout probability before the 1×1 classifier.</param>
    /// <param name="outputHeight">Height H of the logits (the input image's).</param>
    /// <param name="outputWidth">Width W of the logits (the input image's).</param>
    public SegmentationHead(long channels, long classCount, double dropoutRate, long outputHeight, long outputWidth)
        : base(nameof(SegmentationHead))
    {
        conv1 = new ConvBnRelu(channels, channels, dilation: 2);
        conv2 = new ConvBnRelu(channels, channels, dilation: 4);
        dropout = nn.Dropout(dropoutRate);
        classifier = nn.Conv2d(channels, classCount, 1);
        _outputSize = [outputHeight, outputWidth];
        RegisterComponents();
    }

    /// <summary>The parameters of a head: two dilated 3×3 convolutions with their batch norms' scale and shift, and the
    /// 1×1 classifier's weights and biases.</summary>
    public static double ParameterCount(double channels, double classCount) =>
        (2 * ConvBnRelu.ParameterCount(channels, channels)) + ((channels + 1) * classCount);

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = conv2.forward(conv1.forward(input));                                // (B, C, h, w)
        var logits = classifier.forward(dropout.forward(x));                        // (B, K, h, w)
        return nn.functional.interpolate(logits, _outputSize, mode: InterpolationMode.Bilinear, align_corners: false)
            .MoveToOuterDisposeScope();                                             // (B, K, H, W)
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            conv2.Dispose();
            dropout.Dispose();
            classifier.Dispose();
        }

        base.Dispose(disposing);
    }
}
