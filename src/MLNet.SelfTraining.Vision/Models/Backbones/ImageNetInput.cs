using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Backbones;

/// <summary>
/// The input convention of ML.NET's ImageNet ResNet-18 (package <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>, whose
/// <c>ResNetPreprocess.onnx</c> turns RGB pixels in 0–255 into BGR minus a mean image) for the project's pixels:
/// (B, 1 or 3, H, W) grey or RGB in [0, 1] → (B, 3, H, W) BGR in 0–255 minus the per-channel mean of that mean image
/// (B 103.06, G 115.90, R 123.15). A grey image is replicated to the three channels. The means are per channel, not the
/// 224×224 mean image, so that any image size works; the mean image departs from them by at most 12.7 levels.
/// </summary>
internal sealed class ImageNetInput : nn.Module<Tensor, Tensor>
{
    /// <summary>The means of the package's mean image per BGR channel, in 0–255.</summary>
    private static readonly float[] BgrMeans = [103.06262f, 115.90288f, 123.15163f];

    /// <summary>Pixels in [0, 1] times this are in the package's 0–255.</summary>
    public const float PixelScale = 255f;

    /// <summary><see cref="PixelScale"/> as a Scalar that lives as long as the process (docs/torchsharp-pitfalls.md).</summary>
    private static readonly Scalar s_pixelScale = PixelScale.ToScalar();

    /// <summary>The name of the buffer that holds the BGR means, shape (1, 3, 1, 1): its <c>state_dict</c> name.</summary>
    public const string MeanBuffer = nameof(mean);

    private readonly Tensor mean;

    public ImageNetInput() : base(nameof(ImageNetInput))
    {
        mean = tensor(BgrMeans).reshape(1, 3, 1, 1).DetachFromDisposeScope();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var bgr = input.size(1) == 1 ? input : input.flip(1);          // (B, 1|3, H, W), channels B, G, R
        return bgr.mul(s_pixelScale).sub(mean).MoveToOuterDisposeScope();  // (B, 3, H, W): a grey channel broadcasts to all three
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            mean.Dispose();
        }

        base.Dispose(disposing);
    }
}
