using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// Applies an <see cref="AugmentationPolicy"/> to training batches and their targets: the photometric step per image
/// (S2–S4: AutoAugment/RandAugment; colour operations only when the target moves with the pixels), then flip and scale
/// jitter (S1–S4), in the order of the paper's RetinaNet parser, with the optional rotation and elastic distortion in
/// the jitter's resampling, which moves boxes and masks with the pixels. All draws come from one seeded generator; the
/// target adds none.
/// </summary>
internal sealed class ImageAugmenter : IDisposable
{
    private const int MagnitudeBins = 31;

    private readonly Generator _generator;
    private readonly PhotometricAugment? _photometric;
    private readonly int _colourOperations;
    private readonly int _colourMagnitudeBin;
    private PhotometricAugment? _colour;
    private readonly ScaleJitter? _jitter;

    public ImageAugmenter(AugmentationOptions options, long seed)
    {
        _generator = new Generator((ulong)seed);
        _photometric = options.Policy switch
        {
            AugmentationPolicy.S2 or AugmentationPolicy.S3 => new PhotometricAugment(
                torchvision.transforms.AutoAugment(options.AutoAugmentPolicy, generator: _generator)),
            AugmentationPolicy.S4 => new PhotometricAugment(torchvision.transforms.RandAugment(
                options.RandAugmentOperations, 3 * options.RandAugmentMagnitude, MagnitudeBins, generator: _generator)),
            _ => null,
        };
        _colourOperations = options.RandAugmentOperations;
        _colourMagnitudeBin = 3 * options.RandAugmentMagnitude;

        if (options.Policy != AugmentationPolicy.None)
        {
            var (minimum, maximum) = options.ResolvedScaleJitter();
            _jitter = new ScaleJitter(
                minimum,
                maximum,
                options.HorizontalFlip,
                options.MaximumRotationDegrees,
                options.ElasticAlpha > 0 ? new ElasticDistortion(options.ElasticAlpha, options.ElasticSigma) : null);
        }
    }

    /// <summary>Augments a batch whose target does not move (a class). (B, C, H, W) float in [0, 1] → new (B, C, H, W) tensor.</summary>
    public Tensor Apply(Tensor images) => Apply(images, ClassTarget.Instance).Images;

    /// <summary>Augments a batch and its target. (B, C, H, W) float in [0, 1] → new (B, C, H, W) tensor and the moved target.</summary>
    public (Tensor Images, AugmentationTarget Target) Apply(Tensor images, AugmentationTarget target)
    {
        using var scope = NewDisposeScope();
        var result = images.alias();
        var photometric = target.MovesWithPixels ? Colour() : _photometric;
        if (photometric is not null)
        {
            result = photometric.Apply(result);
        }

        if (_jitter is not null)
        {
            var transform = _jitter.Draw(result.shape, _generator);
            result = transform.Sample(result);
            target = target.Warp(transform);
        }

        return (result.MoveToOuterDisposeScope(), target.MoveToOuterDisposeScope());
    }

    public void Dispose() => _generator.Dispose();

    // The colour-only RandAugment for targets that move with the pixels, built on first use (classification never
    // needs it). Building it draws nothing from the generator.
    private PhotometricAugment? Colour()
    {
        if (_photometric is null)
        {
            return null;
        }

        return _colour ??= new PhotometricAugment(new ColourRandAugment(_colourOperations, _colourMagnitudeBin, MagnitudeBins, _generator));
    }
}
