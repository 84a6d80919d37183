using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// RandAugment (Cubuk et al. 2020) restricted to its colour operations — identity, brightness, colour, contrast,
/// sharpness, posterize, solarize, autocontrast, equalize — for images whose targets move with the pixels: TorchVision's
/// AutoAugment and RandAugment also shear, translate and rotate, which would leave boxes and masks behind. Each call
/// takes one (3, H, W) Byte image and applies N operations drawn uniformly, at the magnitude bin of TorchVision's
/// RandAugment (the factor operations are computed in float: TorchSharp's contrast and colour are wrong on bytes).
/// </summary>
internal sealed class ColourRandAugment : torchvision.ITransform
{
    private const int OperationCount = 9;

    private readonly int _operations;
    private readonly double _magnitude;
    private readonly Generator _generator;

    /// <param name="operations">N: operations per image.</param>
    /// <param name="magnitudeBin">The magnitude bin, 0 to <paramref name="bins"/> − 1.</param>
    /// <param name="bins">Magnitude bins.</param>
    /// <param name="generator">The source of the draws.</param>
    public ColourRandAugment(int operations, int magnitudeBin, int bins, Generator generator)
    {
        _operations = operations;
        _magnitude = (double)magnitudeBin / (bins - 1);
        _generator = generator;
    }

    public Tensor call(Tensor input)
    {
        using var scope = NewDisposeScope();
        var image = input;
        for (var i = 0; i < _operations; i++)
        {
            var operation = randint(OperationCount, [1], generator: _generator).item<long>();
            image = operation switch
            {
                0 => image,
                5 => torchvision.transforms.functional.posterize(image, 8 - (int)Math.Round(4 * _magnitude)),
                6 => torchvision.transforms.functional.solarize(image, 255 * (1 - _magnitude)),
                7 => torchvision.transforms.functional.autocontrast(image),
                8 => torchvision.transforms.functional.equalize(image),
                _ => Factor(image, operation, 1 + (SignedMagnitude() * 0.9)),
            };
        }

        return image.MoveToOuterDisposeScope();
    }

    /// <summary>The magnitude, negated with probability 1/2 (as TorchVision's signed operations).</summary>
    private double SignedMagnitude() => randint(2, [1], generator: _generator).item<long>() == 1 ? -_magnitude : _magnitude;

    /// <summary>Brightness (1), colour (2), contrast (3) or sharpness (4) at <paramref name="factor"/>, on [0, 1] floats.</summary>
    private static Tensor Factor(Tensor image, long operation, double factor)
    {
        var scaled = image.to_type(ScalarType.Float32).div(KeptScalars.ByteMaximum);
        var adjusted = operation switch
        {
            1 => torchvision.transforms.functional.adjust_brightness(scaled, factor),
            2 => torchvision.transforms.functional.adjust_saturation(scaled, factor),
            3 => torchvision.transforms.functional.adjust_contrast(scaled, factor),
            _ => torchvision.transforms.functional.adjust_sharpness(scaled, factor),
        };
        return adjusted.mul(KeptScalars.ByteMaximum).round_().clamp_(KeptScalars.Zero, KeptScalars.ByteMaximum).to_type(ScalarType.Byte);
    }
}
