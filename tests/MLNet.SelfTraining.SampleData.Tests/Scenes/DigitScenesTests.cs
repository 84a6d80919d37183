using MLNet.SelfTraining.SampleData.Scenes;

namespace MLNet.SelfTraining.SampleData.Tests.Scenes;

[TestClass]
public sealed class DigitScenesTests
{
    private static MnistData Data => MnistDataset.ReadEmbedded10k();

    [TestMethod]
    public void Generate_SameSeed_GivesIdenticalScenes_DifferentSeed_DifferentOnes()
    {
        int[] pool = [.. Enumerable.Range(0, 10_000)];

        var first = DigitScenes.Generate(Data, pool, 30, options: null, seed: -7);
        var second = DigitScenes.Generate(Data, pool, 30, options: null, seed: -7);
        var other = DigitScenes.Generate(Data, pool, 30, options: null, seed: 7);

        CollectionAssert.AreEqual(first.Images.ToArray(), second.Images.ToArray());
        CollectionAssert.AreEqual(first.Masks.ToArray(), second.Masks.ToArray());
        CollectionAssert.AreEqual(SceneSplitTests.AllDigits(first), SceneSplitTests.AllDigits(second));
        CollectionAssert.AreNotEqual(first.Images.ToArray(), other.Images.ToArray());
        Assert.AreEqual(64, first.CanvasSize);
        Assert.AreEqual(30 * 64 * 64, first.Images.Length);
    }

    [TestMethod]
    [DataRow(32_768)]   // 32,768 × 256² = 2³¹: wrapped to a negative array size
    [DataRow(65_537)]   // 65,537 × 256² wraps to 256²: room for one scene only
    public void Generate_MoreScenesThanOneArrayHolds_NamesCount(int count)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => DigitScenes.Generate(Data, [0], count, new SceneOptions { CanvasSize = 256 }, seed: 1));

        Assert.AreEqual("count", error.ParamName);
        Assert.Contains("at most 32767 at CanvasSize 256", error.Message);
    }

    [TestMethod]
    public void Generate_Accessors_AgreeWithTheContiguousArrays()
    {
        var scenes = DigitScenes.Generate(Data, [.. Enumerable.Range(0, 10_000)], 5, new SceneOptions { CanvasSize = 40 }, seed: 1);

        Assert.AreEqual(1_600, scenes.PixelsPerImage);
        CollectionAssert.AreEqual(scenes.Images[(3 * 1_600)..(4 * 1_600)].ToArray(), scenes.GetImage(3).ToArray());
        CollectionAssert.AreEqual(scenes.Masks[(3 * 1_600)..(4 * 1_600)].ToArray(), scenes.GetMask(3).ToArray());
        Assert.AreEqual(scenes.DigitCount, Enumerable.Range(0, 5).Sum(scene => scenes.GetDigits(scene).Length));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => scenes.GetImage(5));
    }

    [TestMethod]
    public void Generate_SingleImagePool_RepeatsThatDigit()
    {
        var scenes = DigitScenes.Generate(Data, [1_001], 10, new SceneOptions { MinimumDigits = 2, MaximumDigits = 2 }, seed: 1);

        Assert.IsTrue(SceneSplitTests.AllDigits(scenes).All(d => d.SourceIndex == 1_001 && d.Digit == 1));
    }

    [TestMethod]
    public void ResizedDigit_AtMnistSide_IsTheImage()
    {
        var image = Data.GetImage(123);

        var resized = ResizedDigit.Create(image, MnistData.ImageSide);

        CollectionAssert.AreEqual(image.ToArray(), resized.Pixels);
    }

    [TestMethod]
    [DataRow(8)]
    [DataRow(19)]
    [DataRow(100)]
    public void ResizedDigit_UniformImage_StaysUniformAndBoxCoversIt(int side)
    {
        var image = Enumerable.Repeat((byte)200, MnistData.PixelsPerImage).ToArray();

        var resized = ResizedDigit.Create(image, side);

        Assert.IsTrue(resized.Pixels.All(p => p == 200));
        Assert.AreEqual((0, 0, side, side), (resized.InkLeft, resized.InkTop, resized.InkRight, resized.InkBottom));
    }

    [TestMethod]
    public void ResizedDigit_Upscaled_InterpolatesBetweenNeighbours()
    {
        // A vertical edge between columns 13 (0) and 14 (255): at side 56, columns 27 and 28 sample s = 13.25 and 13.75.
        var image = Enumerable.Range(0, MnistData.PixelsPerImage).Select(i => (byte)(i % 28 >= 14 ? 255 : 0)).ToArray();

        var resized = ResizedDigit.Create(image, 56);

        CollectionAssert.AreEqual(new byte[] { 0, 64, 191, 255 }, resized.Pixels[26..30]);
        Assert.AreEqual((27, 56), (resized.InkLeft, resized.InkRight));
    }

    [TestMethod]
    public void GenerateObjectCentric_BlankPool_ThrowsNamingPool()
    {
        var data = new MnistData(new byte[3 * 784], [1, 2, 3]);

        var error = Assert.ThrowsExactly<ArgumentException>(() => DigitScenes.GenerateObjectCentric(data, [0, 1, 2], 1, options: null, seed: 1));

        Assert.AreEqual("pool", error.ParamName);
        Assert.Contains("3 draws in a row", error.Message);
    }

    [TestMethod]
    public void Generate_BlankPool_GivesEmptyScenes()
    {
        var data = new MnistData(new byte[2 * 784], [1, 2]);

        var scenes = DigitScenes.Generate(data, [0, 1], 4, options: null, seed: 1);

        Assert.AreEqual(0, scenes.DigitCount);
        Assert.IsTrue(scenes.Masks.ToArray().All(m => m == 0));
    }

    [TestMethod]
    public void Generate_EmptyPoolForScenes_ThrowsNamingPool()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => DigitScenes.Generate(Data, [], 3, options: null, seed: 1));

        Assert.AreEqual("pool", error.ParamName);
        Assert.Contains("Expected at least one MNIST index in the pool to draw 3 images from; got an empty pool", error.Message);
        Assert.AreEqual(0, DigitScenes.Generate(Data, [], 0, options: null, seed: 1).Count);
    }

    [TestMethod]
    public void Generate_PoolIndexOutOfRange_ThrowsNamingPool()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DigitScenes.Generate(Data, [0, 10_000], 1, options: null, seed: 1));

        Assert.AreEqual("pool", error.ParamName);
        Assert.Contains("Expected MNIST indices from 0 to 9999; got 10000 at position 1", error.Message);
    }

    [TestMethod]
    public void Generate_NegativeCount_ThrowsNamingCount()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DigitScenes.GenerateObjectCentric(Data, [0], -2, options: null, seed: 1));

        Assert.AreEqual("count", error.ParamName);
    }
}
