using MLNet.SelfTraining.SampleData.Scenes;

namespace MLNet.SelfTraining.SampleData.Tests.Scenes;

[TestClass]
public sealed class SceneSplitTests
{
    private static MnistData Data => MnistDataset.ReadEmbedded10k();

    [TestMethod]
    public void Create_SameSeed_GivesIdenticalBytesAndTargets()
    {
        var first = Create(seed: 5);

        var second = Create(seed: 5);

        foreach (var (a, b) in Sets(first).Zip(Sets(second)))
        {
            CollectionAssert.AreEqual(a.Images.ToArray(), b.Images.ToArray());
            CollectionAssert.AreEqual(a.Masks.ToArray(), b.Masks.ToArray());
            CollectionAssert.AreEqual(AllDigits(a), AllDigits(b));
        }
    }

    [TestMethod]
    public void Create_MoreScenesThanOneArrayHolds_NamesTheCount()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => SceneSplit.Create(Data, 1, 65_537, 1, 1, new SceneOptions { CanvasSize = 256 }, seed: 1));

        Assert.AreEqual("unlabeledScenes", error.ParamName);
    }

    [TestMethod]
    public void Create_DifferentSeeds_GiveDifferentPoolsAndScenes()
    {
        var first = Create(seed: 5);

        var second = Create(seed: 6);

        CollectionAssert.AreEqual(first.TestPool.ToArray(), second.TestPool.ToArray());
        CollectionAssert.AreNotEqual(first.LabeledPool.ToArray(), second.LabeledPool.ToArray());
        foreach (var (a, b) in Sets(first).Zip(Sets(second)))
        {
            CollectionAssert.AreNotEqual(a.Images.ToArray(), b.Images.ToArray());
        }
    }

    [TestMethod]
    public void Create_TestScenes_DoNotDependOnTheOtherCounts()
    {
        var small = SceneSplit.Create(Data, labeledScenes: 5, unlabeledScenes: 0, testScenes: 40, objectCentricImages: 0, options: null, seed: 3);

        var large = SceneSplit.Create(Data, labeledScenes: 50, unlabeledScenes: 80, testScenes: 40, objectCentricImages: 30, options: null, seed: 3);

        CollectionAssert.AreEqual(small.Test.Images.ToArray(), large.Test.Images.ToArray());
        CollectionAssert.AreEqual(small.Labeled.Images.ToArray(), large.Labeled.Images[..small.Labeled.Images.Length].ToArray());
    }

    [TestMethod]
    public void Create_Pools_AreDisjointPerClassAndTestPoolIsCanonicalTest()
    {
        var split = Create(seed: 1);

        var pools = new[] { split.TestPool, split.LabeledPool, split.UnlabeledPool, split.ObjectCentricPool };
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 10_000).ToArray(), pools.SelectMany(p => p).ToArray());
        CollectionAssert.AreEqual(MnistSplit.Canonical(Data, 10).Test.ToArray(), split.TestPool.ToArray());
        foreach (var pool in pools)
        {
            CollectionAssert.AreEqual(pool.Order().ToArray(), pool.ToArray());
            Assert.IsTrue(Enumerable.Range(0, 10).All(digit => pool.Any(i => Data.GetLabel(i) == digit)));
        }

        // Default fractions 0.2 and 0.3, rounded down per class: digit 5 has 663 non-test images → 132 and 198.
        Assert.HasCount(1_596, split.LabeledPool);
        Assert.HasCount(2_397, split.ObjectCentricPool);
        Assert.AreEqual(132, split.LabeledPool.Count(i => Data.GetLabel(i) == 5));
        Assert.AreEqual(198, split.ObjectCentricPool.Count(i => Data.GetLabel(i) == 5));
    }

    [TestMethod]
    public void Create_Scenes_DrawOnlyFromTheirOwnPoolWithEveryClass()
    {
        var split = SceneSplit.Create(Data, labeledScenes: 200, unlabeledScenes: 200, testScenes: 200, objectCentricImages: 200, options: null, seed: 2);

        var pairs = new[]
        {
            (split.Test, split.TestPool), (split.Labeled, split.LabeledPool),
            (split.Unlabeled, split.UnlabeledPool), (split.ObjectCentric, split.ObjectCentricPool),
        };
        foreach (var (set, pool) in pairs)
        {
            var digits = AllDigits(set);
            Assert.IsTrue(digits.All(d => pool.Contains(d.SourceIndex)));
            Assert.IsTrue(digits.All(d => Data.GetLabel(d.SourceIndex) == d.Digit));
            CollectionAssert.AreEquivalent(Enumerable.Range(0, 10).ToArray(), digits.Select(d => d.Digit).Distinct().ToArray());
            Assert.AreEqual(digits.Length, digits.Select(d => d.SourceIndex).Distinct().Count(), "Fewer digits than the pool: none is used twice.");
        }
    }

    [TestMethod]
    public void Create_MoreDigitsThanThePool_UsesEachDigitOncePerPass()
    {
        var options = new SceneOptions { MinimumDigits = 1, MaximumDigits = 1 };

        var split = SceneSplit.Create(Data, labeledScenes: 0, unlabeledScenes: 0, testScenes: 2_500, objectCentricImages: 0, options, seed: 4);

        var firstPass = AllDigits(split.Test).Take(2_000).Select(d => d.SourceIndex).ToArray();
        CollectionAssert.AreEquivalent(split.TestPool.ToArray(), firstPass);
        Assert.HasCount(500, AllDigits(split.Test).Skip(2_000).Select(d => d.SourceIndex).Distinct());
    }

    [TestMethod]
    public void Create_ObjectCentric_HoldsOneCentredDigitPerImage()
    {
        var split = SceneSplit.Create(Data, 0, 0, 0, objectCentricImages: 100, options: null, seed: 1);

        Assert.AreEqual(100, split.ObjectCentric.Count);
        for (var image = 0; image < 100; image++)
        {
            var digit = split.ObjectCentric.GetDigits(image).ToArray().Single();
            var (centreX, centreY) = ((digit.X0 + digit.X1) / 2.0, (digit.Y0 + digit.Y1) / 2.0);
            Assert.IsLessThan(20.0, Math.Abs(centreX - 32) + Math.Abs(centreY - 32), $"Image {image}: box {digit}.");
            Assert.IsGreaterThanOrEqualTo(20, Math.Max(digit.X1 - digit.X0, digit.Y1 - digit.Y0), $"Image {image}: box {digit}.");
        }
    }

    [TestMethod]
    [DataRow(-1, 0, 0, 0, "labeledScenes")]
    [DataRow(0, -1, 0, 0, "unlabeledScenes")]
    [DataRow(0, 0, -1, 0, "testScenes")]
    [DataRow(0, 0, 0, -1, "objectCentricImages")]
    public void Create_NegativeCount_ThrowsNamingIt(int labeled, int unlabeled, int test, int objectCentric, string name)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => SceneSplit.Create(Data, labeled, unlabeled, test, objectCentric, options: null, seed: 1));

        Assert.AreEqual(name, error.ParamName);
        Assert.Contains("-1", error.Message);
    }

    [TestMethod]
    public void Create_PoolTooSmallForRequestedScenes_ThrowsNamingOptions()
    {
        var options = new SceneOptions { LabeledPoolFraction = 0.001 };

        var error = Assert.ThrowsExactly<ArgumentException>(
            () => SceneSplit.Create(Data, labeledScenes: 10, unlabeledScenes: 0, testScenes: 0, objectCentricImages: 0, options, seed: 1));

        Assert.AreEqual("options", error.ParamName);
        Assert.Contains("Expected the labeled pool to hold every digit to draw 10 labeled images from; digit 0 has none", error.Message);
        Assert.Contains("LabeledPoolFraction 0.001", error.Message);
        Assert.AreEqual(0, SceneSplit.Create(Data, 0, 1, 1, 1, options, seed: 1).LabeledPool.Count);
    }

    [TestMethod]
    public void Create_InvalidOptions_ThrowsNamingTheOption()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => SceneSplit.Create(Data, 1, 1, 1, 1, new SceneOptions { CanvasSize = 16 }, seed: 1));

        Assert.AreEqual("CanvasSize", error.ParamName);
    }

    [TestMethod]
    public void Create_ClassWithTooFewImages_ThrowsNamingData()
    {
        var data = new MnistData(new byte[10 * 784], [.. Enumerable.Range(0, 10).Select(i => (byte)i)]);

        var error = Assert.ThrowsExactly<ArgumentException>(() => SceneSplit.Create(data, 1, 1, 1, 1, options: null, seed: 1));

        Assert.AreEqual("data", error.ParamName);
    }

    internal static SceneDigit[] AllDigits(SceneSet set) =>
        [.. Enumerable.Range(0, set.Count).SelectMany(scene => set.GetDigits(scene).ToArray())];

    private static SceneSplit Create(int seed) =>
        SceneSplit.Create(Data, labeledScenes: 20, unlabeledScenes: 30, testScenes: 25, objectCentricImages: 15, options: null, seed);

    private static SceneSet[] Sets(SceneSplit split) => [split.Test, split.Labeled, split.Unlabeled, split.ObjectCentric];
}
