namespace MLNet.SelfTraining.SampleData.Tests;

[TestClass]
public sealed class MnistSplitRandomTests
{
    private static MnistData Data => MnistDataset.ReadEmbedded10k();

    [TestMethod]
    [DataRow(100)]
    [DataRow(250)]
    [DataRow(1000)]
    public void Random_Embedded10k_HasCanonicalSizesPerClass(int labeledCount)
    {
        var canonical = MnistSplit.Canonical(Data, labeledCount);

        var split = MnistSplit.Random(Data, labeledCount, seed: 1);

        Assert.HasCount(canonical.Test.Count, split.Test);
        Assert.HasCount(canonical.Labeled.Count, split.Labeled);
        Assert.HasCount(canonical.Unlabeled.Count, split.Unlabeled);
        CollectionAssert.AreEqual(MnistSplitTests.CountPerClass(canonical.Test), MnistSplitTests.CountPerClass(split.Test));
        CollectionAssert.AreEqual(MnistSplitTests.CountPerClass(canonical.Labeled), MnistSplitTests.CountPerClass(split.Labeled));
        CollectionAssert.AreEqual(MnistSplitTests.CountPerClass(canonical.Unlabeled), MnistSplitTests.CountPerClass(split.Unlabeled));
    }

    [TestMethod]
    [DataRow(100)]
    [DataRow(1000)]
    public void Random_Embedded10k_KeepsCanonicalTestSetAndPoolAsDisjointAscendingParts(int labeledCount)
    {
        var canonical = MnistSplit.Canonical(Data, labeledCount);

        var split = MnistSplit.Random(Data, labeledCount, seed: 7);

        CollectionAssert.AreEqual(canonical.Test.ToArray(), split.Test.ToArray());
        CollectionAssert.AreEquivalent(
            canonical.Labeled.Concat(canonical.Unlabeled).ToArray(), split.Labeled.Concat(split.Unlabeled).ToArray());
        var all = split.Test.Concat(split.Labeled).Concat(split.Unlabeled).ToArray();
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 10_000).ToArray(), all);
        foreach (var set in new[] { split.Test, split.Labeled, split.Unlabeled })
        {
            CollectionAssert.AreEqual(set.Order().ToArray(), set.ToArray());
        }
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(-1)]
    [DataRow(int.MinValue)]
    public void Random_SameSeed_GivesSameSplit(int seed)
    {
        var first = MnistSplit.Random(Data, labeledCount: 250, seed);

        var second = MnistSplit.Random(Data, labeledCount: 250, seed);

        CollectionAssert.AreEqual(first.Labeled.ToArray(), second.Labeled.ToArray());
        CollectionAssert.AreEqual(first.Unlabeled.ToArray(), second.Unlabeled.ToArray());
        CollectionAssert.AreEqual(first.Test.ToArray(), second.Test.ToArray());
    }

    [TestMethod]
    public void Random_DifferentSeeds_GiveDifferentLabeledSetsOtherThanCanonical()
    {
        var canonical = MnistSplit.Canonical(Data, labeledCount: 100).Labeled;

        var seed1 = MnistSplit.Random(Data, labeledCount: 100, seed: 1).Labeled;
        var seed2 = MnistSplit.Random(Data, labeledCount: 100, seed: 2).Labeled;

        CollectionAssert.AreNotEqual(seed1.ToArray(), seed2.ToArray());
        CollectionAssert.AreNotEqual(canonical.ToArray(), seed1.ToArray());
        CollectionAssert.AreNotEqual(canonical.ToArray(), seed2.ToArray());
        Assert.IsLessThan(50, seed1.Intersect(seed2).Count(), "Two seeds should share few of their 100 labeled images.");
    }

    [TestMethod]
    public void Random_Seed1_MatchesIndependentSplitMix64Draw()
    {
        // Computed by a separate Python implementation of the algorithm in MnistSplit.Random's documentation.
        var split = MnistSplit.Random(Data, labeledCount: 100, seed: 1);

        CollectionAssert.AreEqual(new[] { 434, 557, 558, 622, 653, 797, 812, 837, 903, 977, 1360, 1575 }, split.Labeled.Take(12).ToArray());
        Assert.AreEqual(518_477L, split.Labeled.Sum(i => (long)i));
    }

    [TestMethod]
    public void Random_LabeledImages_AreSpreadOverEachClassPool()
    {
        var split = MnistSplit.Random(Data, labeledCount: 1000, seed: 3);

        var canonical = MnistSplit.Canonical(Data, labeledCount: 1000);
        for (var digit = 0; digit < 10; digit++)
        {
            var pool = canonical.Labeled.Concat(canonical.Unlabeled).Where(i => Data.GetLabel(i) == digit).Order().ToList();
            var meanRank = split.Labeled.Where(i => Data.GetLabel(i) == digit).Average(pool.IndexOf);
            var middle = (pool.Count - 1) / 2.0;
            Assert.IsLessThan(0.15 * pool.Count, Math.Abs(meanRank - middle), $"Digit {digit}: mean pool rank {meanRank:F1}, middle {middle:F1}.");
        }
    }

    [TestMethod]
    public void Random_LargestLabeledCount_LabelsEveryPoolFive()
    {
        var split = MnistSplit.Random(Data, labeledCount: 6_630, seed: 1);

        Assert.AreEqual(0, MnistSplitTests.CountPerClass(split.Unlabeled)[5]);
        Assert.AreEqual(663, MnistSplitTests.CountPerClass(split.Labeled)[5]);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-10)]
    [DataRow(105)]
    [DataRow(6_640)]
    public void Random_InvalidLabeledCount_ThrowsNamingParameterExpectedAndActual(int labeledCount) =>
        MnistSplitTests.AssertRejectsLabeledCount(() => MnistSplit.Random(Data, labeledCount, seed: 1), labeledCount);

    [TestMethod]
    public void Random_ClassWithTooFewImages_ThrowsNamingData() =>
        MnistSplitTests.AssertRejectsClassWithTooFewImages(data => MnistSplit.Random(data, labeledCount: 10, seed: 1));

    [TestMethod]
    public void Random_NullData_ThrowsNamingData()
    {
        var error = Assert.ThrowsExactly<ArgumentNullException>(() => MnistSplit.Random(null!, labeledCount: 100, seed: 1));

        Assert.AreEqual("data", error.ParamName);
    }
}
