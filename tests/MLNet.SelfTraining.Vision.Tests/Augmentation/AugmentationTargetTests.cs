using MLNet.SelfTraining.Vision.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Augmentation;

[TestClass]
public sealed class AugmentationTargetTests
{
    private const int Side = 28;

    [TestMethod]
    [DataRow(0.0, DisplayName = "jitter, flip and rotation")]
    [DataRow(8.0, DisplayName = "with elastic distortion")]
    public void Boxes_AroundABrightSquare_StillBoundItAfterTheGeometricOps(double elasticAlpha)
    {
        using var images = Square(count: 32);
        var options = new AugmentationOptions
        {
            Policy = AugmentationPolicy.S1,
            ScaleJitterMinimum = 0.7,
            ScaleJitterMaximum = 1.3,
            HorizontalFlip = true,
            MaximumRotationDegrees = 30,
            ElasticAlpha = elasticAlpha,
        };

        var (result, target) = Augment(options, images, Boxes(32, [9, 11, 15, 17], 2));

        var boxes = (BoxTarget)target;
        for (var i = 0; i < 32; i++)
        {
            var ink = BrightBox(result[i, 0]);
            CollectionAssert.AreEqual(new long[] { 1, 4 }, boxes.Boxes[i].shape, $"image {i} keeps its box");
            var box = boxes.Boxes[i].data<float>().ToArray();
            for (var k = 0; k < 4; k++)
            {
                Assert.AreEqual(ink[k], box[k], 2.0, $"image {i}, coordinate {k}: box {string.Join(",", box)}, bright pixels {string.Join(",", ink)}");
            }

            Assert.AreEqual(2L, boxes.Classes[i].item<long>());
        }
    }

    [TestMethod]
    public void MapBoxes_UnderAZoom_ClipsToTheImage_AndDropsTheBoxesThatLeaveIt()
    {
        // Zoom 2 about the centre: output pixel X reads input pixel 7 + X / 2, so input X lands at 2·(X − 7).
        using var theta = tensor(new[] { 0.5f, 0, 0, 0, 0.5f, 0 }, [1, 2, 3]);
        using var grid = nn.functional.affine_grid(theta, [1, 1, Side, Side], align_corners: false);
        var sut = new GeometricTransform(theta, null, grid);
        using var boxes = tensor(new[] { 0f, 0, 3, 3, 5, 5, 10, 10, 10, 12, 14, 16 }, [3, 4]);

        var (moved, kept) = sut.MapBoxes(boxes, 0);

        CollectionAssert.AreEqual(new[] { false, true, true }, kept.data<bool>().ToArray());
        CollectionAssert.AreEqual(new[] { 0f, 0, 6, 6, 6, 10, 14, 18 }, moved.data<float>().ToArray(), new Infrastructure.ToleranceComparer(1e-4f));
    }

    [TestMethod]
    public void MapBoxes_UnderAnElasticShift_MovesThemTheOtherWay()
    {
        // Offsets of +4 pixels along x everywhere: output pixel X reads input pixel X + 4, so input X lands at X − 4.
        using var theta = tensor(new[] { 1f, 0, 0, 0, 1, 0 }, [1, 2, 3]);
        using var offsets = zeros(1, Side, Side, 2);
        offsets[.., .., .., 0] = tensor(8f / Side);
        using var grid = nn.functional.affine_grid(theta, [1, 1, Side, Side], align_corners: false).add(offsets);
        var sut = new GeometricTransform(theta, offsets, grid);
        using var boxes = tensor(new[] { 9f, 11, 15, 17 }, [1, 4]);

        var (moved, _) = sut.MapBoxes(boxes, 0);

        CollectionAssert.AreEqual(new[] { 5f, 11, 11, 17 }, moved.data<float>().ToArray(), new Infrastructure.ToleranceComparer(1e-4f));
    }

    [TestMethod]
    public void Boxes_UnderAFlipAlone_AreMirrored_WithTheirClasses()
    {
        using var images = Square(count: 16);
        var flipping = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 1, ScaleJitterMaximum = 1, HorizontalFlip = true };

        var (result, target) = Augment(flipping, images, Boxes(16, [9, 11, 15, 17], 4));

        var boxes = (BoxTarget)target;
        var mirrored = 0;
        for (var i = 0; i < 16; i++)
        {
            var box = boxes.Boxes[i].data<float>().ToArray();
            var isMirrored = result[i].allclose(images[i].flip(2), rtol: 0, atol: 1e-5);
            var expected = isMirrored ? new[] { 13f, 11, 19, 17 } : new[] { 9f, 11, 15, 17 };
            CollectionAssert.AreEqual(expected, box, new Infrastructure.ToleranceComparer(1e-4f), $"image {i}");
            Assert.AreEqual(4L, boxes.Classes[i].item<long>());
            mirrored += isMirrored ? 1 : 0;
        }

        Assert.IsTrue(mirrored is > 2 and < 14, $"{mirrored} of 16 flipped");
    }

    [TestMethod]
    public void Mask_MovesWithTheImage_NearestNeighbour_WithIgnoreWhereTheImageIsPadded()
    {
        using var images = Square(count: 16);
        using var masks = images.squeeze(1).gt(0.5).to_type(ScalarType.Byte).mul(3);      // square 3, background 0
        var options = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 0.5, ScaleJitterMaximum = 2, MaximumRotationDegrees = 20, ElasticAlpha = 8 };

        var (result, target) = Augment(options, images, new MaskTarget(masks));

        var moved = ((MaskTarget)target).Masks;
        Assert.AreEqual(ScalarType.Byte, moved.dtype);
        CollectionAssert.AreEqual(new long[] { 16, Side, Side }, moved.shape);
        var values = moved.unique().Item1.data<byte>().ToArray();
        Assert.IsTrue(values.All(v => v is 0 or 3 or MaskTarget.Ignore), $"values {string.Join(",", values)}");
        var square = moved.eq(3);
        var bright = result.squeeze(1);
        Assert.IsGreaterThan(0.9, bright.masked_select(square).gt(0.3).to_type(ScalarType.Float32).mean().ToDouble(), "the square's mask lies on the square's pixels");
        Assert.IsGreaterThan(0.9, square.masked_select(bright.gt(0.7)).to_type(ScalarType.Float32).mean().ToDouble(), "the square's pixels have the square's class");
        Assert.IsTrue(moved.eq(MaskTarget.Ignore).any().ToBoolean(), "some pixels are ignored");
        Assert.IsTrue(bright.masked_select(moved.eq(MaskTarget.Ignore)).eq(0).all().ToBoolean(), "ignored pixels are padding");
    }

    [TestMethod]
    public void Mask_ZoomedOut_IsIgnoreOutsideTheImage()
    {
        using var masks = zeros([4, Side, Side], ScalarType.Byte);
        var zoomOut = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 0.5, ScaleJitterMaximum = 0.5 };

        var (_, target) = Augment(zoomOut, ones(4, 1, Side, Side), new MaskTarget(masks));

        var ignored = ((MaskTarget)target).Masks.eq(MaskTarget.Ignore).to_type(ScalarType.Float32).mean().ToDouble();
        Assert.AreEqual(0.75, ignored, 0.02, "three quarters of the area is padding");
    }

    [TestMethod]
    [DataRow(AugmentationPolicy.S2)]
    [DataRow(AugmentationPolicy.S4)]
    public void PhotometricStep_ChangesPixels_AndLeavesMasksAndBoxesAsTheyWere(AugmentationPolicy policy)
    {
        using var images = Square(count: 8).mul(0.6).add(0.2);
        using var masks = images.squeeze(1).gt(0.5).to_type(ScalarType.Byte).mul(3);
        var options = new AugmentationOptions { Policy = policy, ScaleJitterMinimum = 1, ScaleJitterMaximum = 1 };

        var (maskedImages, maskTarget) = Augment(options, images, new MaskTarget(masks));
        var (_, boxTarget) = Augment(options, images, Boxes(8, [9, 11, 15, 17], 1));

        Assert.IsFalse(maskedImages.allclose(images, rtol: 0, atol: 1e-3), "the colours change");
        Assert.IsTrue(((MaskTarget)maskTarget).Masks.Equals(masks), "the masks stay");
        foreach (var box in ((BoxTarget)boxTarget).Boxes)
        {
            CollectionAssert.AreEqual(new[] { 9f, 11, 15, 17 }, box.data<float>().ToArray(), new Infrastructure.ToleranceComparer(1e-4f));
        }
    }

    [TestMethod]
    public void Targets_DrawNothing_TheImagesGetTheSameGeometryWhateverTheTarget()
    {
        using var images = Square(count: 8);
        var options = new AugmentationOptions { Policy = AugmentationPolicy.S1, HorizontalFlip = true, MaximumRotationDegrees = 15, ElasticAlpha = 8 };
        using var masks = zeros([8, Side, Side], ScalarType.Byte);
        using var withClasses = new ImageAugmenter(options, seed: 3);
        using var withBoxes = new ImageAugmenter(options, seed: 3);
        using var withMasks = new ImageAugmenter(options, seed: 3);

        for (var call = 0; call < 2; call++)
        {
            using var classes = withClasses.Apply(images);
            using var boxed = withBoxes.Apply(images, Boxes(8, [9, 11, 15, 17], 0)).Images;
            using var masked = withMasks.Apply(images, new MaskTarget(masks)).Images;
            Assert.IsTrue(classes.Equals(boxed), $"call {call}: boxes");
            Assert.IsTrue(classes.Equals(masked), $"call {call}: masks");
        }
    }

    private static (Tensor Images, AugmentationTarget Target) Augment(AugmentationOptions options, Tensor images, AugmentationTarget target)
    {
        using var sut = new ImageAugmenter(options, seed: 1);
        return sut.Apply(images, target);
    }

    /// <summary><paramref name="count"/> 1×28×28 black images with a white square over x 9–15, y 11–17.</summary>
    private static Tensor Square(int count)
    {
        var image = zeros(1, 1, Side, Side);
        image[0, 0, 11..17, 9..15] = tensor(1f);
        return image.expand(count, -1, -1, -1).contiguous();
    }

    private static BoxTarget Boxes(int count, float[] box, long boxClass) => new(
        Enumerable.Range(0, count).Select(_ => tensor(box, [1, 4])).ToArray(),
        Enumerable.Range(0, count).Select(_ => tensor(new[] { boxClass })).ToArray());

    /// <summary>x0, y0, x1, y1 (pixel edges) of the pixels above 0.5.</summary>
    private static float[] BrightBox(Tensor image)
    {
        var bright = image.gt(0.5);
        var columns = bright.any(0).nonzero().flatten();
        var rows = bright.any(1).nonzero().flatten();
        return [columns.min().item<long>(), rows.min().item<long>(), columns.max().item<long>() + 1, rows.max().item<long>() + 1];
    }
}
