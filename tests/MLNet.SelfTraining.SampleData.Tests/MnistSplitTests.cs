using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData.Tests;

[TestClass]
public sealed class MnistSplitTests
{
    private static MnistData Data => MnistDataset.ReadEmbedded10k();

    [TestMethod]
    [DataRow(100)]
    [DataRow(250)]
    [DataRow(1000)]
    public void Canonical_Embedded10k_HasSpecifiedSizesPerClass(int labeledCount)
    {
        var split = MnistSplit.Canonical(Data, labeledCount);

        Assert.HasCount(2_000, split.Test);
        Assert.HasCount(labeledCount, split.Labeled);
        Assert.HasCount(8_000 - labeledCount, split.Unlabeled);
        CollectionAssert.AreEqual(Enumerable.Repeat(200, 10).ToArray(), CountPerClass(split.Test));
        CollectionAssert.AreEqual(Enumerable.Repeat(labeledCount / 10, 10).ToArray(), CountPerClass(split.Labeled));
        var expectedUnlabeled = MnistDatasetTests.Embedded10kCountPerClass.Select(count => count - 200 - (labeledCount / 10)).ToArray();
        CollectionAssert.AreEqual(expectedUnlabeled, CountPerClass(split.Unlabeled));
    }

    [TestMethod]
    [DataRow(100)]
    [DataRow(1000)]
    public void Canonical_Embedded10k_PartitionsAllImagesInAscendingOrder(int labeledCount)
    {
        var split = MnistSplit.Canonical(Data, labeledCount);

        var all = split.Test.Concat(split.Labeled).Concat(split.Unlabeled).ToArray();
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 10_000).ToArray(), all);
        foreach (var set in new[] { split.Test, split.Labeled, split.Unlabeled })
        {
            CollectionAssert.AreEqual(set.Order().ToArray(), set.ToArray());
        }
    }

    [TestMethod]
    public void Canonical_Embedded10k_FollowsFileOrderPerClass()
    {
        var split = MnistSplit.Canonical(Data, labeledCount: 100);

        CollectionAssert.AreEqual(Enumerable.Range(0, 200).ToArray(), split.Test.Take(200).ToArray());
        Assert.AreEqual(1001, split.Test[200], "Digit 1 starts after the 1001 images of digit 0.");
        Assert.AreEqual(200, split.Labeled[0], "labeled[0] is the 201st image of digit 0.");
        CollectionAssert.AreEqual(Enumerable.Range(200, 10).ToArray(), split.Labeled.Take(10).ToArray());
        Assert.AreEqual(1201, split.Labeled[10], "The labeled digit 1 images start with its 201st.");
        Assert.AreEqual(210, split.Unlabeled[0]);
        Assert.AreEqual(9_999, split.Unlabeled[^1]);
    }

    [TestMethod]
    public void Canonical_InterleavedClasses_TakesFirstImagesOfEachClassInFileOrder()
    {
        var labels = Enumerable.Range(0, 10 * 203).Select(i => (byte)(i % 10)).ToArray();
        var data = new MnistData(new byte[labels.Length * 784], labels);

        var split = MnistSplit.Canonical(data, labeledCount: 20);

        CollectionAssert.AreEqual(Enumerable.Range(0, 2_000).ToArray(), split.Test.ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(2_000, 20).ToArray(), split.Labeled.ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(2_020, 10).ToArray(), split.Unlabeled.ToArray());
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-10)]
    [DataRow(105)]
    [DataRow(6_640)]
    public void Canonical_InvalidLabeledCount_ThrowsNamingParameterExpectedAndActual(int labeledCount) =>
        AssertRejectsLabeledCount(() => MnistSplit.Canonical(Data, labeledCount), labeledCount);

    [TestMethod]
    public void Canonical_LargestLabeledCount_LeavesNoUnlabeledFiveS()
    {
        var split = MnistSplit.Canonical(Data, labeledCount: 6_630);

        Assert.AreEqual(0, CountPerClass(split.Unlabeled)[5]);
    }

    [TestMethod]
    public void Canonical_ClassWithTooFewImages_ThrowsNamingData() =>
        AssertRejectsClassWithTooFewImages(data => MnistSplit.Canonical(data, labeledCount: 10));

    [TestMethod]
    public void LoadViews_HaveSplitSizesAndHideUnlabeledLabels()
    {
        var mlContext = new MLContext(seed: 0);
        var split = MnistSplit.Canonical(Data, labeledCount: 100);

        Assert.AreEqual(2_000L, split.LoadTest(mlContext).GetRowCount());
        var labeled = split.LoadLabeled(mlContext).GetColumn<uint>("Label").ToArray();
        CollectionAssert.AreEqual(split.Labeled.Select(i => (uint)Data.GetLabel(i) + 1).ToArray(), labeled);
        var unlabeled = split.LoadUnlabeled(mlContext).GetColumn<uint>("Label").ToArray();
        Assert.HasCount(7_900, unlabeled);
        Assert.IsTrue(unlabeled.All(key => key == 0));
    }

    [TestMethod]
    public void GetUnlabeledTrueLabels_MatchesDataInUnlabeledOrder()
    {
        var split = MnistSplit.Canonical(Data, labeledCount: 100);

        var truth = split.GetUnlabeledTrueLabels();

        CollectionAssert.AreEqual(split.Unlabeled.Select(Data.GetLabel).ToArray(), truth);
        Assert.AreEqual(0, truth[0]);
        Assert.AreEqual(9, truth[^1]);
    }

    /// <summary>Asserts that <paramref name="createSplit"/> rejects the embedded MNIST-10k's invalid <paramref name="labeledCount"/>.</summary>
    internal static void AssertRejectsLabeledCount(Func<MnistSplit> createSplit, int labeledCount)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(createSplit);

        Assert.AreEqual("labeledCount", error.ParamName);
        Assert.AreEqual(labeledCount, error.ActualValue);
        Assert.Contains("Expected a positive multiple of 10 up to 6630", error.Message);
        Assert.Contains($"got {labeledCount}", error.Message);
    }

    /// <summary>Asserts that <paramref name="createSplit"/> rejects data with one image per digit, naming the data.</summary>
    internal static void AssertRejectsClassWithTooFewImages(Func<MnistData, MnistSplit> createSplit)
    {
        var data = new MnistData(new byte[10 * 784], [.. Enumerable.Range(0, 10).Select(i => (byte)i)]);

        var error = Assert.ThrowsExactly<ArgumentException>(() => createSplit(data));

        Assert.AreEqual("data", error.ParamName);
        Assert.Contains("Expected more than 200 images of every digit; digit 0 has 1", error.Message);
    }

    /// <summary>Counts the embedded MNIST-10k images of each digit among <paramref name="rows"/>.</summary>
    internal static int[] CountPerClass(IEnumerable<int> rows)
    {
        var counts = new int[10];
        foreach (var row in rows)
        {
            counts[Data.GetLabel(row)]++;
        }

        return counts;
    }
}
