using Microsoft.ML;

namespace MLNet.SelfTraining.Datasets;

/// <summary>
/// A deterministic test / labeled / unlabeled split of <see cref="MnistData"/>, as image indices in ascending file
/// order. The canonical split (<see cref="Canonical"/>) uses no random numbers: per class, in file order, the first
/// <see cref="TestPerClass"/> images are the test set and the rest the training pool; the labeled set is the first
/// k / 10 images of each class's pool and the unlabeled set the rest of the pool.
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
    public static MnistSplit Canonical(MnistData data, int labeledCount)
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

        var labeledPerClass = labeledCount / MnistData.ClassCount;
        var seen = new int[MnistData.ClassCount];
        List<int> test = [], labeled = [], unlabeled = [];
        for (var i = 0; i < data.Count; i++)
        {
            var rank = seen[data.GetLabel(i)]++;
            var set = rank < TestPerClass ? test : rank < TestPerClass + labeledPerClass ? labeled : unlabeled;
            set.Add(i);
        }

        return new MnistSplit(data, [.. test], [.. labeled], [.. unlabeled]);
    }

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
}
