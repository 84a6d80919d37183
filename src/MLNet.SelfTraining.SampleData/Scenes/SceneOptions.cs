using System.Globalization;

namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// Options of <see cref="DigitScenes"/> and <see cref="SceneSplit"/>: the canvas, the digits of a scene, the
/// object-centric images and the sizes of the digit pools. Every default is documented on its property; with them a
/// 64-pixel scene holds about 2 digits.
/// </summary>
public sealed class SceneOptions
{
    /// <summary>The smallest allowed <see cref="CanvasSize"/>.</summary>
    public const int MinimumCanvasSize = 32;

    /// <summary>The largest allowed <see cref="CanvasSize"/>.</summary>
    public const int MaximumCanvasSize = 256;

    /// <summary>The largest allowed <see cref="MaximumDigits"/>.</summary>
    public const int DigitsLimit = 16;

    /// <summary>
    /// The height and width S of every image, in pixels, from <see cref="MinimumCanvasSize"/> to
    /// <see cref="MaximumCanvasSize"/>. Default 64 (tests; benchmarks use 96).
    /// </summary>
    public int CanvasSize { get; set; } = 64;

    /// <summary>The fewest digits drawn for a scene, from 1 to <see cref="MaximumDigits"/>. Default 1.</summary>
    public int MinimumDigits { get; set; } = 1;

    /// <summary>
    /// The most digits drawn for a scene, from <see cref="MinimumDigits"/> to <see cref="DigitsLimit"/>. Default 3:
    /// with the other defaults a scene holds 2.0 digits on average at 64 and at 96 pixels (4 gives about 2.5 at 96).
    /// </summary>
    public int MaximumDigits { get; set; } = 3;

    /// <summary>
    /// The smallest side of a digit in a scene, as a fraction of <see cref="CanvasSize"/> (the 28 × 28 MNIST image is
    /// resized to a side drawn uniformly from ⌈<see cref="MinimumDigitScale"/> · S⌉ to ⌊<see cref="MaximumDigitScale"/> · S⌋
    /// pixels). In (0, <see cref="MaximumDigitScale"/>]. Default 0.25.
    /// </summary>
    public double MinimumDigitScale { get; set; } = 0.25;

    /// <summary>The largest side of a digit in a scene, as a fraction of <see cref="CanvasSize"/>; at most 1. Default 0.45.</summary>
    public double MaximumDigitScale { get; set; } = 0.45;

    /// <summary>
    /// The largest intersection over union of a digit's box with the box of any digit placed before it in the same
    /// scene; a position above it is rejected and another one drawn. In [0, 1]. Default 0.15.
    /// </summary>
    public double MaximumOverlap { get; set; } = 0.15;

    /// <summary>
    /// The positions drawn for a digit before it is left out of its scene (so a scene can hold fewer digits than drawn);
    /// at least 1. Default 20.
    /// </summary>
    public int MaximumPlacementAttempts { get; set; } = 20;

    /// <summary>The smallest side of the digit of an object-centric image, as a fraction of <see cref="CanvasSize"/>. Default 0.5.</summary>
    public double ObjectCentricMinimumScale { get; set; } = 0.5;

    /// <summary>The largest side of the digit of an object-centric image, as a fraction of <see cref="CanvasSize"/>; at most 1. Default 0.7.</summary>
    public double ObjectCentricMaximumScale { get; set; } = 0.7;

    /// <summary>
    /// The largest shift of an object-centric digit from the centre, per axis, as a fraction of <see cref="CanvasSize"/>
    /// (drawn uniformly from −⌊f · S⌋ to ⌊f · S⌋ pixels, then clamped so that the digit stays on the canvas). In [0, 0.5].
    /// Default 0.1.
    /// </summary>
    public double ObjectCentricMaximumOffset { get; set; } = 0.1;

    /// <summary>
    /// The share of each class's non-test images that <see cref="SceneSplit"/> puts in the labeled pool (rounded down).
    /// Default 0.2.
    /// </summary>
    public double LabeledPoolFraction { get; set; } = 0.2;

    /// <summary>
    /// The share of each class's non-test images that <see cref="SceneSplit"/> puts in the object-centric pool (rounded
    /// down); the rest of the class goes to the unlabeled pool. <see cref="LabeledPoolFraction"/> plus this fraction is at
    /// most 1. Default 0.3 (so the unlabeled pool holds about half).
    /// </summary>
    public double ObjectCentricPoolFraction { get; set; } = 0.3;

    /// <summary>Checks the options and throws an exception that names the offending one, what was expected and what was got.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public void Validate()
    {
        CheckRange(nameof(CanvasSize), CanvasSize, MinimumCanvasSize, MaximumCanvasSize);
        CheckRange(nameof(MaximumDigits), MaximumDigits, 1, DigitsLimit);
        CheckRange(nameof(MinimumDigits), MinimumDigits, 1, MaximumDigits);
        CheckFraction(nameof(MaximumDigitScale), MaximumDigitScale, 0, 1, lowerOpen: true);
        CheckFraction(nameof(MinimumDigitScale), MinimumDigitScale, 0, MaximumDigitScale, lowerOpen: true);
        CheckSides(nameof(MaximumDigitScale), MinimumDigitScale, MaximumDigitScale);
        CheckFraction(nameof(MaximumOverlap), MaximumOverlap, 0, 1, lowerOpen: false);
        CheckRange(nameof(MaximumPlacementAttempts), MaximumPlacementAttempts, 1, int.MaxValue);
        CheckFraction(nameof(ObjectCentricMaximumScale), ObjectCentricMaximumScale, 0, 1, lowerOpen: true);
        CheckFraction(nameof(ObjectCentricMinimumScale), ObjectCentricMinimumScale, 0, ObjectCentricMaximumScale, lowerOpen: true);
        CheckSides(nameof(ObjectCentricMaximumScale), ObjectCentricMinimumScale, ObjectCentricMaximumScale);
        CheckFraction(nameof(ObjectCentricMaximumOffset), ObjectCentricMaximumOffset, 0, 0.5, lowerOpen: false);
        CheckFraction(nameof(LabeledPoolFraction), LabeledPoolFraction, 0, 1, lowerOpen: false);
        CheckFraction(nameof(ObjectCentricPoolFraction), ObjectCentricPoolFraction, 0, 1 - LabeledPoolFraction, lowerOpen: false);
    }

    /// <summary>
    /// Checks that <paramref name="count"/> images of <see cref="CanvasSize"/>² bytes fit in one array (a
    /// <see cref="SceneSet"/> holds its images, and its masks, back to back).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is too large; the exception names <paramref name="name"/>.</exception>
    internal void CheckImageCount(string name, int count)
    {
        var most = Array.MaxLength / (CanvasSize * CanvasSize);
        if (count > most)
        {
            throw new ArgumentOutOfRangeException(name, count, string.Create(CultureInfo.InvariantCulture,
                $"{name} was expected to be at most {most} at CanvasSize {CanvasSize} (the images are held in one array of at most {Array.MaxLength} bytes); got {count}."));
        }
    }

    /// <summary>The smallest digit side in pixels: ⌈<paramref name="scale"/> · <see cref="CanvasSize"/>⌉.</summary>
    internal int MinimumSide(double scale) => (int)Math.Ceiling(scale * CanvasSize);

    /// <summary>The largest digit side in pixels: ⌊<paramref name="scale"/> · <see cref="CanvasSize"/>⌋.</summary>
    internal int MaximumSide(double scale) => (int)Math.Floor(scale * CanvasSize);

    private static void CheckRange(string name, int value, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} was expected to be from {minimum} to {maximum}; got {value}.");
        }
    }

    private static void CheckFraction(string name, double value, double minimum, double maximum, bool lowerOpen)
    {
        var aboveMinimum = lowerOpen ? value > minimum : value >= minimum;
        if (!aboveMinimum || !(value <= maximum))
        {
            var range = string.Create(CultureInfo.InvariantCulture, $"{(lowerOpen ? "(" : "[")}{minimum}, {maximum}]");
            throw new ArgumentOutOfRangeException(
                name, value, string.Create(CultureInfo.InvariantCulture, $"{name} was expected to be in {range}; got {value}."));
        }
    }

    private void CheckSides(string name, double minimumScale, double maximumScale)
    {
        var (smallest, largest) = (MinimumSide(minimumScale), MaximumSide(maximumScale));
        if (smallest > largest)
        {
            throw new ArgumentOutOfRangeException(
                name, maximumScale, string.Create(CultureInfo.InvariantCulture,
                    $"The scales {minimumScale} to {maximumScale} were expected to hold a whole side in pixels at CanvasSize {CanvasSize}; "
                    + $"got sides {smallest} to {largest}."));
        }
    }
}
