using System.Globalization;
using Microsoft.ML;

namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// Test, labeled and unlabeled scenes and object-centric images drawn from four disjoint pools of MNIST digits,
/// deterministic from a seed: the setting of a self-training (and pre-training) study on multi-digit scenes.
/// </summary>
/// <remarks>
/// <para>
/// Pools, chosen per class (MNIST-10k is stored class by class): the test pool is <see cref="MnistSplit"/>'s test
/// images (the first <see cref="MnistSplit.TestPerClass"/> of each class), so scene figures are measured on digits no
/// MNIST classifier of this repository trains on. Each class's other images are shuffled (SplitMix64 from
/// <c>seed</c>, classes 0 to 9 in turn, <see cref="SeededShuffle"/>'s Fisher–Yates); the first
/// ⌊n · <see cref="SceneOptions.LabeledPoolFraction"/>⌋ go to the labeled pool, the next
/// ⌊n · <see cref="SceneOptions.ObjectCentricPoolFraction"/>⌋ to the object-centric pool and the rest to the unlabeled
/// pool. With the defaults on the embedded MNIST-10k: 2,000 test, 1,596 labeled, 4,007 unlabeled and 2,397
/// object-centric digits.
/// </para>
/// <para>
/// Then four generators are seeded from the same SplitMix64 (its next four outputs, always in the order test, labeled,
/// unlabeled, object-centric), so a split's scenes depend on its pool, its count, the options and the seed, not on the
/// other counts. Each split draws its digits from its own pool in passes (<see cref="DigitScenes"/>): every pool digit
/// is used once before any is used again, so digits repeat (in other sizes and places) only when a split needs more
/// digits than its pool holds.
/// </para>
/// </remarks>
public sealed class SceneSplit
{
    private SceneSplit(MnistData data, int[][] pools, SceneSet[] sets)
    {
        Data = data;
        TestPool = Array.AsReadOnly(pools[0]);
        LabeledPool = Array.AsReadOnly(pools[1]);
        UnlabeledPool = Array.AsReadOnly(pools[2]);
        ObjectCentricPool = Array.AsReadOnly(pools[3]);
        (Test, Labeled, Unlabeled, ObjectCentric) = (sets[0], sets[1], sets[2], sets[3]);
    }

    /// <summary>Gets the data the pools index.</summary>
    public MnistData Data { get; }

    /// <summary>Gets the MNIST indices of the test pool (<see cref="MnistSplit"/>'s test images), ascending.</summary>
    public IReadOnlyList<int> TestPool { get; }

    /// <summary>Gets the MNIST indices of the labeled pool, ascending.</summary>
    public IReadOnlyList<int> LabeledPool { get; }

    /// <summary>Gets the MNIST indices of the unlabeled pool, ascending.</summary>
    public IReadOnlyList<int> UnlabeledPool { get; }

    /// <summary>Gets the MNIST indices of the object-centric pool, ascending.</summary>
    public IReadOnlyList<int> ObjectCentricPool { get; }

    /// <summary>Gets the test scenes (digits from <see cref="TestPool"/>).</summary>
    public SceneSet Test { get; }

    /// <summary>Gets the labeled scenes (digits from <see cref="LabeledPool"/>).</summary>
    public SceneSet Labeled { get; }

    /// <summary>Gets the unlabeled scenes (digits from <see cref="UnlabeledPool"/>); their targets are for diagnostics only.</summary>
    public SceneSet Unlabeled { get; }

    /// <summary>Gets the object-centric images, one digit each (from <see cref="ObjectCentricPool"/>).</summary>
    public SceneSet ObjectCentric { get; }

    /// <summary>Creates the pools and generates the scenes and images.</summary>
    /// <param name="data">The MNIST images, e.g. <see cref="MnistDataset.ReadEmbedded10k"/>; every class needs more than <see cref="MnistSplit.TestPerClass"/>.</param>
    /// <param name="labeledScenes">The number of labeled scenes; 0 or more.</param>
    /// <param name="unlabeledScenes">The number of unlabeled scenes; 0 or more.</param>
    /// <param name="testScenes">The number of test scenes; 0 or more.</param>
    /// <param name="objectCentricImages">The number of object-centric images; 0 or more.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="seed">The seed; any value (the same seed gives the same bytes).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A count or an option is out of range (a count above <see cref="Array.MaxLength"/> / S² does not fit in one array);
    /// the exception names it.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// A class of <paramref name="data"/> has no more than <see cref="MnistSplit.TestPerClass"/> images (names
    /// <paramref name="data"/>), or a pool that must serve a positive count lacks a digit (names <paramref name="options"/>).
    /// </exception>
    public static SceneSplit Create(
        MnistData data, int labeledScenes, int unlabeledScenes, int testScenes, int objectCentricImages, SceneOptions? options, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(labeledScenes);
        ArgumentOutOfRangeException.ThrowIfNegative(unlabeledScenes);
        ArgumentOutOfRangeException.ThrowIfNegative(testScenes);
        ArgumentOutOfRangeException.ThrowIfNegative(objectCentricImages);
        options ??= new SceneOptions();
        options.Validate();
        options.CheckImageCount(nameof(labeledScenes), labeledScenes);
        options.CheckImageCount(nameof(unlabeledScenes), unlabeledScenes);
        options.CheckImageCount(nameof(testScenes), testScenes);
        options.CheckImageCount(nameof(objectCentricImages), objectCentricImages);
        var generator = new SplitMix64(unchecked((ulong)seed));
        var pools = CreatePools(data, options, generator);
        CheckEveryDigit(data, pools[1], labeledScenes, "labeled", nameof(SceneOptions.LabeledPoolFraction), options.LabeledPoolFraction);
        CheckEveryDigit(data, pools[2], unlabeledScenes, "unlabeled", nameof(SceneOptions.LabeledPoolFraction) + " + " + nameof(SceneOptions.ObjectCentricPoolFraction), options.LabeledPoolFraction + options.ObjectCentricPoolFraction);
        CheckEveryDigit(data, pools[3], objectCentricImages, "object-centric", nameof(SceneOptions.ObjectCentricPoolFraction), options.ObjectCentricPoolFraction);

        var seeds = new SplitMix64[4];
        for (var i = 0; i < seeds.Length; i++)
        {
            seeds[i] = new SplitMix64(generator.Next());
        }

        var sets = new[]
        {
            DigitScenes.Compose(data, new DigitPool(pools[0], seeds[0]), testScenes, options, seeds[0]),
            DigitScenes.Compose(data, new DigitPool(pools[1], seeds[1]), labeledScenes, options, seeds[1]),
            DigitScenes.Compose(data, new DigitPool(pools[2], seeds[2]), unlabeledScenes, options, seeds[2]),
            DigitScenes.ComposeObjectCentric(data, new DigitPool(pools[3], seeds[3]), pools[3].Length, objectCentricImages, options, seeds[3]),
        };
        return new SceneSplit(data, pools, sets);
    }

    /// <summary>Loads the test scenes with their targets (schema: see <see cref="SceneSet.ToDataView"/>).</summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    public IDataView LoadTest(MLContext mlContext) => Test.ToDataView(mlContext);

    /// <summary>Loads the labeled scenes with their targets (schema: see <see cref="SceneSet.ToDataView"/>).</summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    public IDataView LoadLabeled(MLContext mlContext) => Labeled.ToDataView(mlContext);

    /// <summary>
    /// Loads the unlabeled scenes with hidden targets: masks all ignored, no boxes, the true mask, box classes and boxes
    /// in <see cref="SceneSet.TrueMaskColumnName"/>, <see cref="SceneSet.TrueLabelsColumnName"/> and
    /// <see cref="SceneSet.TrueBoxColumnName"/> for diagnostics only.
    /// </summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    public IDataView LoadUnlabeled(MLContext mlContext) => Unlabeled.ToDataView(mlContext, hideTargets: true);

    /// <summary>Loads the object-centric images as a classification view (see <see cref="SceneSet.ToClassificationDataView"/>).</summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    public IDataView LoadObjectCentric(MLContext mlContext) => ObjectCentric.ToClassificationDataView(mlContext);

    /// <summary>The test, labeled, unlabeled and object-centric pools, each ascending.</summary>
    private static int[][] CreatePools(MnistData data, SceneOptions options, SplitMix64 generator)
    {
        var canonical = MnistSplit.Canonical(data, MnistData.ClassCount);
        List<int> labeled = [], unlabeled = [], objectCentric = [];
        for (var digit = 0; digit < MnistData.ClassCount; digit++)
        {
            var rest = canonical.Labeled.Concat(canonical.Unlabeled).Where(i => data.GetLabel(i) == digit).Order().ToArray();
            SeededShuffle.Shuffle(rest, generator);
            var labeledCount = (int)Math.Floor(rest.Length * options.LabeledPoolFraction);
            var objectCentricCount = (int)Math.Floor(rest.Length * options.ObjectCentricPoolFraction);
            labeled.AddRange(rest[..labeledCount]);
            objectCentric.AddRange(rest[labeledCount..(labeledCount + objectCentricCount)]);
            unlabeled.AddRange(rest[(labeledCount + objectCentricCount)..]);
        }

        return [[.. canonical.Test], [.. labeled.Order()], [.. unlabeled.Order()], [.. objectCentric.Order()]];
    }

    private static void CheckEveryDigit(MnistData data, int[] pool, int count, string split, string fractionName, double fraction)
    {
        if (count == 0)
        {
            return;
        }

        var present = new bool[MnistData.ClassCount];
        foreach (var index in pool)
        {
            present[data.GetLabel(index)] = true;
        }

        var missing = Array.IndexOf(present, false);
        if (missing >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Expected the {split} pool to hold every digit to draw {count} {split} images from; digit {missing} has none "
                    + $"({fractionName} {fraction} of its non-test images rounds down to none)."),
                "options");
        }
    }
}
