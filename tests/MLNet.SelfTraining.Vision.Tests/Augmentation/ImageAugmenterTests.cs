using MLNet.SelfTraining.Vision.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Augmentation;

[TestClass]
public sealed class ImageAugmenterTests
{
    [TestMethod]
    [DataRow(AugmentationPolicy.S1)]
    [DataRow(AugmentationPolicy.S2)]
    [DataRow(AugmentationPolicy.S3)]
    [DataRow(AugmentationPolicy.S4)]
    public void Apply_WithTheSameSeed_IsReproducible_AndAnotherSeedDiffers(AugmentationPolicy policy)
    {
        using var images = Images(8, channels: 1);

        using var first = Augment(new AugmentationOptions { Policy = policy }, seed: 3, images);
        using var second = Augment(new AugmentationOptions { Policy = policy }, seed: 3, images);
        using var other = Augment(new AugmentationOptions { Policy = policy }, seed: 4, images);

        Assert.IsTrue(first.Equals(second));
        Assert.IsFalse(first.Equals(other));
    }

    [TestMethod]
    [DataRow(AugmentationPolicy.S1, 1)]
    [DataRow(AugmentationPolicy.S2, 1)]
    [DataRow(AugmentationPolicy.S3, 3)]
    [DataRow(AugmentationPolicy.S4, 1)]
    [DataRow(AugmentationPolicy.S4, 3)]
    public void Apply_KeepsShapeTypeAndRange(AugmentationPolicy policy, int channels)
    {
        using var images = Images(16, channels);

        using var result = Augment(new AugmentationOptions { Policy = policy }, seed: 1, images);

        CollectionAssert.AreEqual(images.shape, result.shape);
        Assert.AreEqual(ScalarType.Float32, result.dtype);
        Assert.IsGreaterThanOrEqualTo(0.0, result.min().ToDouble());
        Assert.IsLessThanOrEqualTo(1.0, result.max().ToDouble());
    }

    [TestMethod]
    public void Apply_DrawsIndependentlyPerImage()
    {
        using var one = Images(1, channels: 1);
        using var images = one.expand(8, -1, -1, -1).contiguous();

        using var result = Augment(new AugmentationOptions { Policy = AugmentationPolicy.S4 }, seed: 1, images);

        var distinct = Enumerable.Range(0, 8).Count(i => !result[i].Equals(result[0]));
        Assert.IsGreaterThanOrEqualTo(6, distinct, "identical inputs get different augmentations");
    }

    [TestMethod]
    public void Apply_WithoutFlipAndUnitScale_IsTheIdentity_WithFlipMirrorsAboutHalf()
    {
        using var images = Images(64, channels: 1);
        var unitScale = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 1, ScaleJitterMaximum = 1 };
        var flipping = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 1, ScaleJitterMaximum = 1, HorizontalFlip = true };

        using var unchanged = Augment(unitScale, seed: 1, images);
        using var flipped = Augment(flipping, seed: 1, images);

        Assert.IsTrue(unchanged.allclose(images, rtol: 0, atol: 1e-5));
        using var mirrored = images.flip(3);
        var mirroredCount = Enumerable.Range(0, 64).Count(i => flipped[i].allclose(mirrored[i], rtol: 0, atol: 1e-5));
        var keptCount = Enumerable.Range(0, 64).Count(i => flipped[i].allclose(images[i], rtol: 0, atol: 1e-5));
        Assert.AreEqual(64, mirroredCount + keptCount);
        Assert.IsTrue(mirroredCount is > 16 and < 48, $"{mirroredCount} of 64 flipped");
    }

    [TestMethod]
    public void Apply_ScaleJitterZoomsOutWithZeroPadding()
    {
        using var images = ones(4, 1, 12, 12);
        var zoomOut = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 0.5, ScaleJitterMaximum = 0.5 };

        using var result = Augment(zoomOut, seed: 1, images);

        // Half-size content: a quarter of the area keeps the image, the rest is padding.
        Assert.AreEqual(0.25, result.mean().ToDouble(), 0.05);
    }

    [TestMethod]
    public void Apply_WithRotation_TurnsEachImageAboutItsCentre()
    {
        // A centred horizontal bar, 3 × 9 pixels: turning it keeps the centre pixel and (bilinear resampling aside) the ink.
        using var bar = zeros(1, 1, 15, 15);
        bar[0, 0, TensorIndex.Slice(6, 9), TensorIndex.Slice(3, 12)] = tensor(1f);
        using var images = bar.expand(16, -1, -1, -1).contiguous();
        var rotating = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 1, ScaleJitterMaximum = 1, MaximumRotationDegrees = 45 };

        using var result = Augment(rotating, seed: 1, images);

        var turned = Enumerable.Range(0, 16).Count(i => !result[i].allclose(images[i], rtol: 0, atol: 0.05));
        Assert.IsGreaterThanOrEqualTo(14, turned, "nearly every image turns by a non-zero angle");
        Assert.IsTrue(result[.., 0, 7, 7].gt(0.99).all().ToBoolean(), "the centre stays in place");
        Assert.IsTrue(result.sum([1, 2, 3]).sub(27).abs().lt(27 * 0.1).all().ToBoolean(), "the bar's ink is kept within 10 %");
    }

    [TestMethod]
    public void Apply_WithElasticDistortion_BendsEachImageLocally_KeepingItsInkAndCentre()
    {
        // A centred 9 × 9 plus sign: a gentle elastic field bends its strokes, keeps most of the ink and the centre.
        using var plus = zeros(1, 1, 28, 28);
        plus[0, 0, TensorIndex.Slice(13, 15), TensorIndex.Slice(9, 19)] = tensor(1f);
        plus[0, 0, TensorIndex.Slice(9, 19), TensorIndex.Slice(13, 15)] = tensor(1f);
        using var images = plus.expand(16, -1, -1, -1).contiguous();
        var elastic = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 1, ScaleJitterMaximum = 1, ElasticAlpha = 16 };

        using var result = Augment(elastic, seed: 1, images);
        using var again = Augment(elastic, seed: 1, images);

        Assert.IsTrue(result.Equals(again));
        var bent = Enumerable.Range(0, 16).Count(i => !result[i].allclose(images[i], rtol: 0, atol: 0.05));
        Assert.AreEqual(16, bent, "every image is distorted");
        var ink = images[0].sum().ToDouble();
        Assert.IsTrue(result.sum([1, 2, 3]).sub(ink).abs().lt(ink * 0.3).all().ToBoolean(), "the ink is kept within 30 % (strokes stretch and shrink locally)");
        Assert.IsTrue(result[.., 0, 13..15, 13..15].mean([1, 2]).gt(0.5).all().ToBoolean(), "the centre stays inked");
    }

    private static Tensor Augment(AugmentationOptions options, long seed, Tensor images)
    {
        using var sut = new ImageAugmenter(options, seed);
        return sut.Apply(images);
    }

    private static Tensor Images(int count, int channels)
    {
        using var generator = new Generator(42);
        return rand([count, channels, 12, 12], generator: generator);
    }
}
