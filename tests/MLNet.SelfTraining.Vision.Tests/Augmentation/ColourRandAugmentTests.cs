using MLNet.SelfTraining.Vision.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Augmentation;

[TestClass]
public sealed class ColourRandAugmentTests
{
    [TestMethod]
    public void Call_KeepsShapeAndBytes_VariesPerCall_AndRepeatsWithTheSameSeed()
    {
        using var image = Image();

        var first = Calls(seed: 5, image);
        var second = Calls(seed: 5, image);

        for (var i = 0; i < first.Length; i++)
        {
            CollectionAssert.AreEqual(image.shape, first[i].shape);
            Assert.AreEqual(ScalarType.Byte, first[i].dtype);
            Assert.IsTrue(first[i].Equals(second[i]), $"call {i} repeats");
        }

        Assert.IsGreaterThanOrEqualTo(8, first.Select(r => r.data<byte>().ToArray()).DistinctBy(Convert.ToBase64String).Count(), "the calls draw different operations");
    }

    [TestMethod]
    public void Call_OnAFlatGrayImage_OnlyBrightnessAndSolarizeChangeIt()
    {
        // 128 everywhere: colour, contrast, sharpness, posterize (4 bits), autocontrast and equalize keep it; brightness
        // scales it by 1 ± 0.81 (bin 27 of 31: 0.9 · 27/30); solarize (threshold 25.5) inverts it.
        using var gray = full([3, 8, 8], 128, ScalarType.Byte);

        var values = Calls(seed: 2, gray, operations: 1, calls: 60).Select(r =>
        {
            Assert.IsTrue(r.eq(r[0, 0, 0]).all().ToBoolean(), "the image stays flat");
            return r[0, 0, 0].item<byte>();
        }).ToArray();

        CollectionAssert.IsSubsetOf(values.Distinct().ToArray(), new byte[] { 24, 127, 128, 232 }, string.Join(",", values));
        Assert.IsGreaterThanOrEqualTo(3, values.Distinct().Count());
    }

    private static Tensor[] Calls(ulong seed, Tensor image, int operations = 2, int calls = 12)
    {
        using var generator = new Generator(seed);
        var sut = new ColourRandAugment(operations, magnitudeBin: 27, bins: 31, generator);
        return Enumerable.Range(0, calls).Select(_ => sut.call(image)).ToArray();
    }

    private static Tensor Image()
    {
        using var generator = new Generator(42);
        return randint(0, 256, [3, 12, 12], generator: generator).to_type(ScalarType.Byte);
    }
}
