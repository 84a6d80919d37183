using MLNet.SelfTraining.Vision.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Augmentation;

/// <summary>
/// Box-aware augmentation for detection: with large scale jitter (0.1–2.0) boxes follow the pixels, are clipped at the
/// image's edge, are dropped with their class when they leave it, and keep their class; S3 and S4 move boxes exactly as
/// they move a mask of the same object.
/// </summary>
[TestClass]
public sealed class BoxAugmentationTests
{
    private const int Side = 64;

    // Three squares, one per class, each drawn in its own channel: x0, y0, x1, y1.
    private static readonly float[][] s_squares = [[4, 6, 20, 22], [40, 8, 58, 26], [20, 38, 36, 60]];

    [TestMethod]
    public void LargeScaleJitter_BoxesFollowTheirInk_AreClippedOrDropped_AndKeepTheirClass()
    {
        using var scope = NewDisposeScope();
        const int count = 64;
        var images = zeros(count, 3, Side, Side);
        foreach (var (square, k) in s_squares.Select((s, k) => (s, k)))
        {
            images[.., k, (int)square[1]..(int)square[3], (int)square[0]..(int)square[2]] = tensor(1f);
        }

        var target = new BoxTarget(
            [.. Enumerable.Range(0, count).Select(_ => tensor(s_squares.SelectMany(s => s).ToArray(), [3, 4]))],
            [.. Enumerable.Range(0, count).Select(_ => tensor(new[] { 0L, 1, 2 }))]);
        var options = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 0.1, ScaleJitterMaximum = 2.0 };
        using var augmenter = new ImageAugmenter(options, seed: 2);

        var (result, moved) = augmenter.Apply(images, target);

        var boxes = (BoxTarget)moved;
        var (dropped, clipped, compared) = (0, 0, 0);
        for (var i = 0; i < count; i++)
        {
            var classes = boxes.Classes[i].data<long>().ToArray();
            var corners = boxes.Boxes[i].data<float>().ToArray();
            Assert.AreEqual(classes.Distinct().Count(), classes.Length, $"image {i}: a class at most once");
            for (var k = 0; k < 3; k++)
            {
                var ink = Ink(result[i, k]);
                var at = Array.IndexOf(classes, (long)k);
                if (at < 0)
                {
                    dropped++;
                    Assert.IsNull(ink, $"image {i}: class {k}'s box was dropped but its ink is in the image");
                    continue;
                }

                var box = corners.AsSpan(4 * at, 4).ToArray();
                Assert.IsTrue(box[0] >= 0 && box[1] >= 0 && box[2] <= Side && box[3] <= Side && box[2] > box[0] && box[3] > box[1], $"image {i}: {string.Join(",", box)} inside the image");
                clipped += box.Any(v => v is 0 or Side) ? 1 : 0;
                if (ink is null)
                {
                    Assert.IsTrue(box[2] - box[0] < 2 || box[3] - box[1] < 2, $"image {i}: a box of {string.Join(",", box)} with no ink of class {k} under it");
                    continue;
                }

                compared++;
                for (var c = 0; c < 4; c++)
                {
                    Assert.AreEqual(ink[c], box[c], 1.5, $"image {i}, class {k}, coordinate {c}: box {string.Join(",", box)}, ink {string.Join(",", ink)}");
                }
            }
        }

        Assert.IsGreaterThan(3, dropped, "zooms above 1 crop some squares out");
        Assert.IsGreaterThan(10, clipped, "and cut some at the edge");
        Assert.IsGreaterThan(100, compared);
    }

    [TestMethod]
    [DataRow(AugmentationPolicy.S3)]
    [DataRow(AugmentationPolicy.S4)]
    public void S3AndS4_MoveBoxesAsTheyMoveTheObjectsMask(AugmentationPolicy policy)
    {
        using var scope = NewDisposeScope();
        const int count = 32;
        var images = full(count, 1, Side, Side, 0.2f);
        var masks = zeros([count, Side, Side], ScalarType.Byte);
        var square = s_squares[1];
        images[.., 0, (int)square[1]..(int)square[3], (int)square[0]..(int)square[2]] = tensor(0.9f);
        masks[.., (int)square[1]..(int)square[3], (int)square[0]..(int)square[2]] = tensor((byte)1);
        var options = new AugmentationOptions { Policy = policy, ScaleJitterMinimum = 0.1, ScaleJitterMaximum = 2.0 };
        using var withBoxes = new ImageAugmenter(options, seed: 3);
        using var withMasks = new ImageAugmenter(options, seed: 3);

        var (boxedImages, boxTarget) = withBoxes.Apply(images, new BoxTarget(
            [.. Enumerable.Range(0, count).Select(_ => tensor(square, [1, 4]))], [.. Enumerable.Range(0, count).Select(_ => tensor(new[] { 7L }))]));
        var (maskedImages, maskTarget) = withMasks.Apply(images, new MaskTarget(masks));

        Assert.IsTrue(boxedImages.Equals(maskedImages), "the same draws");
        var moved = ((MaskTarget)maskTarget).Masks;
        var boxes = (BoxTarget)boxTarget;
        var compared = 0;
        for (var i = 0; i < count; i++)
        {
            var objectPixels = moved[i].eq(1);
            var kept = boxes.Boxes[i].shape[0] == 1;
            if (!kept)
            {
                Assert.IsFalse(objectPixels.any().ToBoolean(), $"image {i}: the box was dropped but the object is in the image");
                continue;
            }

            Assert.AreEqual(7L, boxes.Classes[i].item<long>());
            var box = boxes.Boxes[i].data<float>().ToArray();
            if (!objectPixels.any().ToBoolean())
            {
                Assert.IsTrue(box[2] - box[0] < 2 || box[3] - box[1] < 2, $"image {i}: box {string.Join(",", box)} but no object pixel");
                continue;
            }

            compared++;
            var extent = Extent(objectPixels);
            for (var c = 0; c < 4; c++)
            {
                Assert.AreEqual(extent[c], box[c], 1.5, $"image {i}, coordinate {c}: box {string.Join(",", box)}, mask {string.Join(",", extent)}");
            }
        }

        Assert.IsGreaterThan(count / 2, compared);
        Assert.IsFalse(boxedImages.allclose(images, rtol: 0, atol: 1e-3), "the images changed");
    }

    [TestMethod]
    public void ImagesWithoutBoxes_StayWithoutBoxes()
    {
        using var scope = NewDisposeScope();
        using var augmenter = new ImageAugmenter(new AugmentationOptions { Policy = AugmentationPolicy.S4 }, seed: 1);

        var (_, moved) = augmenter.Apply(rand(2, 1, Side, Side), new BoxTarget([zeros(0, 4), tensor(new[] { 1f, 1, 9, 9 }, [1, 4])], [zeros(0, dtype: ScalarType.Int64), tensor(new[] { 3L })]));

        var boxes = (BoxTarget)moved;
        CollectionAssert.AreEqual(new long[] { 0, 4 }, boxes.Boxes[0].shape);
        CollectionAssert.AreEqual(new long[] { 0 }, boxes.Classes[0].shape);
    }

    /// <summary>x0, y0, x1, y1 (pixel edges) of the pixels above 0.5, or <see langword="null"/> without any.</summary>
    private static float[]? Ink(Tensor image)
    {
        var bright = image.gt(0.5);
        return bright.any().ToBoolean() ? Extent(bright) : null;
    }

    private static float[] Extent(Tensor pixels)
    {
        var columns = pixels.any(0).nonzero().flatten();
        var rows = pixels.any(1).nonzero().flatten();
        return [columns.min().item<long>(), rows.min().item<long>(), columns.max().item<long>() + 1, rows.max().item<long>() + 1];
    }
}
