using Microsoft.ML;

namespace MLNet.SelfTraining.SampleData;

/// <summary>
/// A deterministic test / labeled / unlabeled split of <see cref="MnistData"/>, as image indices in ascending file
/// order. Per class, in file order, the first <see cref="TestPerClass"/> images are the test set and the rest the
/// training pool; k / 10 images of each class's pool are labeled and the rest of the pool is unlabeled. The canonical
/// split (<see cref="Canonical"/>) uses no random numbers and labels the first k / 10 pool images of each class; the
/// random split (<see cref="Random"/>) has the same test set, pool and sizes and draws the labeled images with a seeded
/// generator.
/// </summary>
public sealed class MnistSplit
{
    /// <summary>The number of test images per class.</summary>
    public const int TestPerClass = 200;

    private readonly int[] _unlabeled;

    private MnistSplit(MnistData data, int[] test, int[] labeled, int[] unlabeled)
    {
        Data = data;
        Test = Array.AsReadOnly(test);
        Labeled = Array.AsReadOnly(labeled);
        Unlabeled = Array.AsReadOnly(unlabeled);
        _unlabeled = unlabeled;
    }

    /// <summary>Gets the data the indices refer to.</summary>
    public MnistData Data { get; }

    /// <summary>Gets the test image indices (<see cref="TestPerClass"/> per class), ascending.</summary>
    public IReadOnlyList<int> Test { get; }

    /// <summary>Gets the labeled training image indices (k / 10 per class), ascending.</summary>
    public IReadOnlyList<int> Labeled { get; }

    /// <summary>Gets the unlabeled training image indices (the rest of the pool), ascending.</summary>
    public IReadOnlyList<int> Unlabeled { get; }

    /// <summary>Creates the canonical split of <paramref name="data"/> with <paramref name="labeledCount"/> labeled images.</summary>
    /// <param name="data">The data; every class needs more than <see cref="TestPerClass"/> images.</param>
    /// <param name="labeledCount">
    /// The labeled set size k (e.g. 100, 250 or 1000): a positive multiple of 10 with k / 10 at most the smallest
    /// per-class pool (663 for the embedded MNIST-10k, whose smallest class, digit 5, has 863 images).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="labeledCount"/> is not a valid k for <paramref name="data"/>.</exception>
    /// <exception cref="ArgumentException">A class of <paramref name="data"/> has no more than <see cref="TestPerClass"/> images.</exception>
    public static MnistSplit Canonical(MnistData data, int labeledCount) => Create(data, labeledCount, generator: null);

    /// <summary>
    /// Creates a seeded random split of <paramref name="data"/> with <paramref name="labeledCount"/> labeled images: the
    /// same test set, training pool and per-class sizes as <see cref="Canonical"/>, with each class's labeled images
    /// drawn at random from its pool. Figures measured on it use the same test images as the canonical split's, so
    /// they differ only by which pool images carry labels (at small k the main way one split differs from another).
    /// </summary>
    /// <remarks>
    /// The draw, fixed on every platform and runtime (reproducible outside .NET):
    /// <list type="number">
    /// <item><description>
    /// A SplitMix64 generator's 64-bit state s starts at <paramref name="seed"/> (two's complement, i.e. seed mod
    /// 2^64). Each draw sets <c>s = s + 0x9E3779B97F4A7C15</c>, <c>z = (s ^ (s &gt;&gt; 30)) * 0xBF58476D1CE4E5B9</c>,
    /// <c>z = (z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB</c> and returns <c>z ^ (z &gt;&gt; 31)</c>, all mod 2^64. A draw
    /// below n is <c>floor(draw × n / 2^64)</c>.
    /// </description></item>
    /// <item><description>
    /// For each digit d from 0 to 9, in that order and from the one generator: P is d's pool in file order (its images
    /// after its first <see cref="TestPerClass"/>), n its size and m = k / 10. For i from 0 to m − 1, j = i + a draw
    /// below n − i, and P[i] and P[j] are swapped (a partial Fisher–Yates shuffle). P[0 .. m − 1] are d's labeled
    /// images; the rest of P is unlabeled.
    /// </description></item>
    /// <item><description>The three index lists are then sorted ascending.</description></item>
    /// </list>
    /// </remarks>
    /// <param name="data">The data; every class needs more than <see cref="TestPerClass"/> images.</param>
    /// <param name="labeledCount">The labeled set size k, as for <see cref="Canonical"/>.</param>
    /// <param name="seed">The generator's seed; any value (the same seed gives the same split).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="labeledCount"/> is not a valid k for <paramref name="data"/>.</exception>
    /// <exception cref="ArgumentException">A class of <paramref name="data"/> has no more than <see cref="TestPerClass"/> images.</exception>
    public static MnistSplit Random(MnistData data, int labeledCount, int seed) =>
        Create(data, labeledCount, new SplitMix64(unchecked((ulong)seed)));

    /// <summary>Loads the test images with their labels (schema: see <see cref="MnistData.ToDataView"/>).</summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    /// <param name="featuresColumnName">The name of the image column.</param>
    public IDataView LoadTest(MLContext mlContext, string featuresColumnName = MnistDataset.DefaultFeaturesColumnName) =>
        Data.ToDataView(mlContext, Test, hideLabels: false, featuresColumnName);

    /// <summary>Loads the labeled training images with their labels (schema: see <see cref="MnistData.ToDataView"/>).</summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    /// <param name="featuresColumnName">The name of the image column.</param>
    public IDataView LoadLabeled(MLContext mlContext, string featuresColumnName = MnistDataset.DefaultFeaturesColumnName) =>
        Data.ToDataView(mlContext, Labeled, hideLabels: false, featuresColumnName);

    /// <summary>
    /// Loads the unlabeled training images with every label missing (key 0), so no learner can see them; the true
    /// labels are in <see cref="GetUnlabeledTrueLabels"/>.
    /// </summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    /// <param name="featuresColumnName">The name of the image column.</param>
    public IDataView LoadUnlabeled(MLContext mlContext, string featuresColumnName = MnistDataset.DefaultFeaturesColumnName) =>
        Data.ToDataView(mlContext, Unlabeled, hideLabels: true, featuresColumnName);

    /// <summary>
    /// Gets the true digits of the unlabeled images, in <see cref="Unlabeled"/> (and <see cref="LoadUnlabeled"/>) row
    /// order. For diagnostics only (e.g. pseudo-label accuracy): a learner must not see them.
    /// </summary>
    public int[] GetUnlabeledTrueLabels() => Array.ConvertAll(_unlabeled, Data.GetLabel);

    /// <summary>
    /// Splits <paramref name="data"/>: per class, the first <see cref="TestPerClass"/> images are test images; the
    /// first k / 10 of each class's pool are labeled, after a partial shuffle by <paramref name="generator"/> if given.
    /// </summary>
    private static MnistSplit Create(MnistData data, int labeledCount, SplitMix64? generator)
    {
        var labeledPerClass = ValidateLabeledPerClass(data, labeledCount);
        var pools = new List<int>[MnistData.ClassCount];
        for (var digit = 0; digit < pools.Length; digit++)
        {
            pools[digit] = [];
        }

        var seen = new int[MnistData.ClassCount];
        List<int> test = [], labeled = [], unlabeled = [];
        for (var i = 0; i < data.Count; i++)
        {
            var label = data.GetLabel(i);
            (seen[label]++ < TestPerClass ? test : pools[label]).Add(i);
        }

        foreach (var pool in pools)
        {
            if (generator is not null)
            {
                ShufflePrefix(pool, labeledPerClass, generator);
            }

            labeled.AddRange(pool.Take(labeledPerClass));
            unlabeled.AddRange(pool.Skip(labeledPerClass));
        }

        labeled.Sort();
        unlabeled.Sort();
        return new MnistSplit(data, [.. test], [.. labeled], [.. unlabeled]);
    }

    /// <summary>Checks that <paramref name="labeledCount"/> is a valid k for <paramref name="data"/>; returns k / 10.</summary>
    private static int ValidateLabeledPerClass(MnistData data, int labeledCount)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.CountPerClass();
        var smallest = Array.IndexOf(counts, counts.Min());
        var maxPerClass = counts[smallest] - TestPerClass;
        if (maxPerClass <= 0)
        {
            throw new ArgumentException(
                $"Expected more than {TestPerClass} images of every digit; digit {smallest} has {counts[smallest]}.", nameof(data));
        }

        if (labeledCount <= 0 || labeledCount % MnistData.ClassCount != 0 || labeledCount / MnistData.ClassCount > maxPerClass)
        {
            throw new ArgumentOutOfRangeException(
                nameof(labeledCount),
                labeledCount,
                $"Expected a positive multiple of {MnistData.ClassCount} up to {maxPerClass * MnistData.ClassCount} "
                + $"(digit {smallest} has {maxPerClass} pool images after its {TestPerClass} test images); got {labeledCount}.");
        }

        return labeledCount / MnistData.ClassCount;
    }

    /// <summary>Moves a uniform random choice of <paramref name="count"/> items to the front of <paramref name="items"/> (partial Fisher–Yates).</summary>
    private static void ShufflePrefix(List<int> items, int count, SplitMix64 generator)
    {
        for (var i = 0; i < count; i++)
        {
            var j = i + generator.NextBelow(items.Count - i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
