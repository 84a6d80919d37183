using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// Applies a per-image transform (TorchVision's AutoAugment or RandAugment, or <see cref="ColourRandAugment"/>) with an
/// independent random draw per image (TorchVision draws once per call). (B, C, H, W) float in [0, 1] → (B, C, H, W) float
/// in [0, 1]. Images go through 8 bits; 1-channel images are expanded to 3 identical channels (TorchVision's equalize
/// fails on one channel) and averaged back.
/// </summary>
internal sealed class PhotometricAugment
{
    private readonly torchvision.ITransform _transform;

    public PhotometricAugment(torchvision.ITransform transform)
    {
        _transform = transform;
    }

    public Tensor Apply(Tensor images)
    {
        using var scope = NewDisposeScope();
        var channels = images.shape[1];
        var bytes = images.mul(KeptScalars.ByteMaximum).round_().clamp_(KeptScalars.Zero, KeptScalars.ByteMaximum).to_type(ScalarType.Byte);
        if (channels == 1)
        {
            bytes = bytes.expand(-1, 3, -1, -1).contiguous();
        }

        var augmented = new Tensor[bytes.shape[0]];
        for (var i = 0; i < augmented.Length; i++)
        {
            augmented[i] = _transform.call(bytes[i]);
        }

        var result = stack(augmented).to_type(ScalarType.Float32).div_(KeptScalars.ByteMaximum);
        if (channels == 1)
        {
            result = result.mean([1], keepdim: true);
        }

        return result.MoveToOuterDisposeScope();
    }
}
