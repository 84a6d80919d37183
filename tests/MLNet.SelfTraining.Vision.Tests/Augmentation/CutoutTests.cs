using MLNet.SelfTraining.Vision.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Augmentation;

[TestClass]
public sealed class CutoutTests
{
    [TestMethod]
    public void Apply_ZeroesOneSquarePerImage_AtPositionsThatDifferPerImage()
    {
        using var images = ones(64, 1, 28, 28);
        using var generator = new Generator(5);

        using var result = new Cutout(8).Apply(images, generator);

        using var erased = result.eq(0)[.., 0];                                    // (B, H, W)
        var erasedRows = erased.any(2).sum(1);                                     // rows touched per image
        var erasedColumns = erased.any(1).sum(1);
        // One axis-aligned rectangle per image: its area is rows × columns, at most 8 × 8 (less when the border clips it).
        Assert.IsTrue(erased.sum([1, 2]).eq(erasedRows.mul(erasedColumns)).all().ToBoolean(), "the erased pixels form a rectangle");
        Assert.IsTrue(erasedRows.le(8).all().ToBoolean() && erasedColumns.le(8).all().ToBoolean());
        Assert.IsTrue(erasedRows.ge(4).all().ToBoolean() && erasedColumns.ge(4).all().ToBoolean(), "a clipped square keeps at least half its side");
        Assert.IsGreaterThan(32, erased.sum([1, 2]).eq(64).sum().ToInt64(), "most squares lie wholly inside");
        Assert.IsFalse(erased[0].Equals(erased[1]), "each image draws its own position");
    }

    [TestMethod]
    public void Apply_ThroughTheAugmenter_IsReproducibleWithASeed()
    {
        using var images = ones(16, 1, 28, 28);
        var options = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 1, ScaleJitterMaximum = 1, CutoutSize = 10 };

        using var first = new ImageAugmenter(options, 3);
        using var second = new ImageAugmenter(options, 3);
        using var a = first.Apply(images);
        using var b = second.Apply(images);

        Assert.IsTrue(a.Equals(b));
        Assert.IsTrue(a.eq(0).sum([1, 2, 3]).gt(0).all().ToBoolean(), "every image has a square cut out");
    }
}
