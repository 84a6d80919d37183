namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// Generates multi-digit scenes (for detection and segmentation) and object-centric images (one centred digit, for
/// classification pre-training) from MNIST digits, deterministically from a seed: the same arguments give the same bytes
/// on every platform and runtime (SplitMix64 draws and integer arithmetic; no <see cref="Random"/>).
/// </summary>
/// <remarks>
/// <para>
/// A scene is an S × S canvas (<see cref="SceneOptions.CanvasSize"/>). It draws a digit count k uniformly from
/// <see cref="SceneOptions.MinimumDigits"/> to <see cref="SceneOptions.MaximumDigits"/>; for each of the k digits it takes
/// the next image of its pool (a seeded shuffle per pass: every pool image is used once before any is used again),
/// draws a side uniformly from ⌈<see cref="SceneOptions.MinimumDigitScale"/> · S⌉ to
/// ⌊<see cref="SceneOptions.MaximumDigitScale"/> · S⌋ pixels, resizes the 28 × 28 image bilinearly to it, and draws
/// top-left positions uniformly until the digit's box has an intersection over union of at most
/// <see cref="SceneOptions.MaximumOverlap"/> with the box of every digit placed before it. A digit that finds no such
/// position in <see cref="SceneOptions.MaximumPlacementAttempts"/> draws, or has no ink ≥ <see cref="BoxInkThreshold"/>
/// after resizing, is left out, so a scene can hold fewer than k digits (even none).
/// </para>
/// <para>
/// Digits are composited by maximum. The targets of each digit are its class and its tight box (the pixels of its own
/// resized image with ink ≥ <see cref="BoxInkThreshold"/>; see <see cref="SceneDigit"/>). The mask holds, per pixel of
/// the composite: digit + 1 where the ink is ≥ <see cref="MaskInkThreshold"/> (the digit whose own ink is largest at the
/// pixel; the earlier on a tie), <see cref="SegmentationMasks.Ignore"/> on the anti-aliased rim (ink from
/// <see cref="RimInkThreshold"/> to <see cref="MaskInkThreshold"/> − 1), and 0 (background) below
/// <see cref="RimInkThreshold"/>. Its class names are <see cref="SceneSet.MaskClassNames"/>.
/// </para>
/// <para>
/// An object-centric image holds one digit whose side is drawn from ⌈<see cref="SceneOptions.ObjectCentricMinimumScale"/>
/// · S⌉ to ⌊<see cref="SceneOptions.ObjectCentricMaximumScale"/> · S⌋ pixels, centred and shifted per axis by a draw
/// from −⌊<see cref="SceneOptions.ObjectCentricMaximumOffset"/> · S⌋ to the same bound (clamped to the canvas); a pool
/// image without ink ≥ <see cref="BoxInkThreshold"/> after resizing is passed over for the next one.
/// </para>
/// </remarks>
public static class DigitScenes
{
    /// <summary>The ink (0–255) from which a pixel of a digit's resized image counts towards its box: 64.</summary>
    public const byte BoxInkThreshold = 64;

    /// <summary>The composite ink from which a pixel is its digit's class in the mask: 128.</summary>
    public const byte MaskInkThreshold = 128;

    /// <summary>The composite ink from which a pixel below <see cref="MaskInkThreshold"/> is ignored (255) in the mask: 32.</summary>
    public const byte RimInkThreshold = 32;

    /// <summary>Generates <paramref name="count"/> multi-digit scenes whose digits come from <paramref name="pool"/>.</summary>
    /// <param name="data">The MNIST images the pool indexes.</param>
    /// <param name="pool">The indices of the images in <paramref name="data"/> to draw digits from; not empty when <paramref name="count"/> is positive.</param>
    /// <param name="count">The number of scenes; 0 or more, and at most <see cref="Array.MaxLength"/> / S² (one array holds them).</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="seed">The generator's seed; any value (the same seed gives the same scenes).</param>
    /// <exception cref="ArgumentException"><paramref name="pool"/> is empty but scenes are requested.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument or option is out of its range; the exception names it.</exception>
    public static SceneSet Generate(MnistData data, IReadOnlyList<int> pool, int count, SceneOptions? options, int seed)
    {
        options = Checked(data, pool, count, options);
        var generator = new SplitMix64(unchecked((ulong)seed));
        return Compose(data, new DigitPool(pool, generator), count, options, generator);
    }

    /// <summary>Generates <paramref name="count"/> object-centric images, one digit each, from <paramref name="pool"/>.</summary>
    /// <param name="data">The MNIST images the pool indexes.</param>
    /// <param name="pool">The indices of the images in <paramref name="data"/> to draw digits from; not empty when <paramref name="count"/> is positive.</param>
    /// <param name="count">The number of images; 0 or more, and at most <see cref="Array.MaxLength"/> / S² (one array holds them).</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="seed">The generator's seed; any value (the same seed gives the same images).</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="pool"/> is empty but images are requested, or as many draws in a row as the pool holds found no ink
    /// ≥ <see cref="BoxInkThreshold"/> after resizing.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument or option is out of its range; the exception names it.</exception>
    public static SceneSet GenerateObjectCentric(MnistData data, IReadOnlyList<int> pool, int count, SceneOptions? options, int seed)
    {
        options = Checked(data, pool, count, options);
        var generator = new SplitMix64(unchecked((ulong)seed));
        return ComposeObjectCentric(data, new DigitPool(pool, generator), pool.Count, count, options, generator);
    }

    /// <summary>Generates scenes from a checked pool and options.</summary>
    internal static SceneSet Compose(MnistData data, DigitPool pool, int count, SceneOptions options, SplitMix64 generator)
    {
        var size = options.CanvasSize;
        var (minimumSide, maximumSide) = (options.MinimumSide(options.MinimumDigitScale), options.MaximumSide(options.MaximumDigitScale));
        var builder = new SceneSetBuilder(size, count);
        var canvas = new SceneCanvas(size);
        for (var scene = 0; scene < count; scene++)
        {
            canvas.Clear();
            var digits = options.MinimumDigits + generator.NextBelow(options.MaximumDigits - options.MinimumDigits + 1);
            for (var i = 0; i < digits; i++)
            {
                var index = pool.Next();
                var digit = ResizedDigit.Create(data.GetImage(index), minimumSide + generator.NextBelow(maximumSide - minimumSide + 1));
                if (digit.HasInk)
                {
                    TryPlace(canvas, digit, data.GetLabel(index), index, options, generator);
                }
            }

            builder.Add(canvas);
        }

        return builder.ToSceneSet();
    }

    /// <summary>Generates object-centric images from a checked pool of <paramref name="poolSize"/> images and options.</summary>
    internal static SceneSet ComposeObjectCentric(MnistData data, DigitPool pool, int poolSize, int count, SceneOptions options, SplitMix64 generator)
    {
        var size = options.CanvasSize;
        var (minimumSide, maximumSide) = (options.MinimumSide(options.ObjectCentricMinimumScale), options.MaximumSide(options.ObjectCentricMaximumScale));
        var maximumOffset = (int)Math.Floor(options.ObjectCentricMaximumOffset * size);
        var builder = new SceneSetBuilder(size, count);
        var canvas = new SceneCanvas(size);
        for (var image = 0; image < count; image++)
        {
            canvas.Clear();
            for (var blank = 0; canvas.Digits.Count == 0; blank++)
            {
                if (blank == poolSize)
                {
                    throw new ArgumentException(
                        $"Expected pool images with ink ≥ {BoxInkThreshold} after resizing; {poolSize} draws in a row (the pool's size) had none.", "pool");
                }

                var index = pool.Next();
                var digit = ResizedDigit.Create(data.GetImage(index), minimumSide + generator.NextBelow(maximumSide - minimumSide + 1));
                var x = Centred(size, digit.Side, generator.NextBelow((2 * maximumOffset) + 1) - maximumOffset);
                var y = Centred(size, digit.Side, generator.NextBelow((2 * maximumOffset) + 1) - maximumOffset);
                if (digit.HasInk)
                {
                    canvas.Place(digit, data.GetLabel(index), index, x, y);
                }
            }

            builder.Add(canvas);
        }

        return builder.ToSceneSet();
    }

    /// <summary>Checks the arguments shared by both generators; returns the options to use.</summary>
    private static SceneOptions Checked(MnistData data, IReadOnlyList<int> pool, int count, SceneOptions? options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        options ??= new SceneOptions();
        options.Validate();
        options.CheckImageCount(nameof(count), count);
        if (count > 0 && pool.Count == 0)
        {
            throw new ArgumentException($"Expected at least one MNIST index in the pool to draw {count} images from; got an empty pool.", nameof(pool));
        }

        for (var i = 0; i < pool.Count; i++)
        {
            if ((uint)pool[i] >= (uint)data.Count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(pool), pool[i], $"Expected MNIST indices from 0 to {data.Count - 1}; got {pool[i]} at position {i}.");
            }
        }

        return options;
    }

    private static void TryPlace(SceneCanvas canvas, ResizedDigit digit, int classIndex, int sourceIndex, SceneOptions options, SplitMix64 generator)
    {
        var positions = options.CanvasSize - digit.Side + 1;
        for (var attempt = 0; attempt < options.MaximumPlacementAttempts; attempt++)
        {
            var x = generator.NextBelow(positions);
            var y = generator.NextBelow(positions);
            if (canvas.Fits(digit, x, y, options.MaximumOverlap))
            {
                canvas.Place(digit, classIndex, sourceIndex, x, y);
                return;
            }
        }
    }

    private static int Centred(int size, int side, int offset) => Math.Clamp(((size - side) / 2) + offset, 0, size - side);
}
