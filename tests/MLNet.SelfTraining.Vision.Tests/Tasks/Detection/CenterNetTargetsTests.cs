using MLNet.SelfTraining.Vision.Tasks.Detection;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

[TestClass]
public sealed class CenterNetTargetsTests
{
    [TestMethod]
    [DataRow(4.0, 4.0, 1.09328)]       // r1 = 7.63, r2 = 14.69, r3 = 1.09
    [DataRow(10.0, 2.0, 0.94666)]
    [DataRow(1.0, 1.0, 0.27332)]
    public void GaussianRadius_IsCenterNetsSmallestRoot(double height, double width, double expected)
    {
        var a3 = 4 * 0.7;
        var b3 = -2 * 0.7 * (height + width);
        var c3 = (0.7 - 1) * width * height;
        Assert.AreEqual((b3 + Math.Sqrt((b3 * b3) - (4 * a3 * c3))) / 2, CenterNetTargets.GaussianRadius(height, width), 1e-12, "the third root, as CenterNet divides it");
        Assert.AreEqual(expected, CenterNetTargets.GaussianRadius(height, width), 1e-5);
    }

    [TestMethod]
    public void OneBox_GivesAPeakOfOneAtItsCentreCell_WithSizeAndOffsetThere()
    {
        using var scope = NewDisposeScope();
        // Stride 4: box 9–27 × 5–21 pixels → centre (4.5, 3.25) cells, size (4.5, 4) cells, in cell (4, 3).
        var boxes = tensor(new[] { 9f, 5, 27, 21 }, [1, 4]);

        using var targets = CenterNetTargets.Build([boxes], [tensor(new[] { 1L })], classCount: 2, height: 8, width: 8, stride: 4);

        Assert.AreEqual(1f, targets.Heatmap[0, 1, 3, 4].item<float>(), "the centre cell is exactly 1");
        Assert.AreEqual(0f, targets.Heatmap[0, 0].sum().item<float>(), "the other class has no peak");
        var radius = Math.Floor(CenterNetTargets.GaussianRadius(4, 4.5));
        var sigma = ((2 * radius) + 1) / 6;
        Assert.AreEqual(1.0, radius);
        Assert.AreEqual(Math.Exp(-1 / (2 * sigma * sigma)), targets.Heatmap[0, 1, 3, 5].item<float>(), 1e-6, "a neighbour is exp(−1/2σ²)");
        Assert.AreEqual(Math.Exp(-8 / (2 * sigma * sigma)), targets.Heatmap[0, 1, 5, 6].item<float>(), 1e-6, "two cells away diagonally");
        Assert.AreEqual(1L, targets.Heatmap.eq(1).sum().item<long>(), "one positive");
        CollectionAssert.AreEqual(new[] { 4.5f, 4f }, targets.Size[0, .., 3, 4].data<float>().ToArray());
        CollectionAssert.AreEqual(new[] { 0.5f, 0.25f }, targets.Offset[0, .., 3, 4].data<float>().ToArray());
        Assert.AreEqual(1f, targets.Centres[0, 0, 3, 4].item<float>());
        Assert.AreEqual(1f, targets.Centres.sum().item<float>());
        Assert.AreEqual(0f, targets.Size.sum().item<float>() - 8.5f, "size only at the centre");
        CollectionAssert.AreEqual(new[] { 1L }, targets.BoxCounts);
    }

    [TestMethod]
    public void ASmallBox_HasRadiusZero_SoOnlyItsCellIsHot()
    {
        using var scope = NewDisposeScope();

        using var targets = CenterNetTargets.Build([tensor(new[] { 0f, 0, 4, 4 }, [1, 4])], [tensor(new[] { 0L })], 1, 4, 4, stride: 4);

        // 1×1 cell box: radius 0.27 → 0, σ = 1/6: a neighbour gets exp(−18).
        Assert.AreEqual(1f, targets.Heatmap[0, 0, 0, 0].item<float>());
        Assert.AreEqual((float)Math.Exp(-18), targets.Heatmap[0, 0, 0, 1].item<float>(), 1e-12f);
    }

    [TestMethod]
    public void Heatmaps_TakeTheMaximumOverBoxes_ImagesAreSeparate_AndACentreOnTheEdgeIsClamped()
    {
        using var scope = NewDisposeScope();
        var first = tensor(new[] { 0f, 0, 8, 8, 8, 8, 16, 16 }, [2, 4]);      // centres (1, 1) and (3, 3): same class
        var second = tensor(new[] { 24f, 24, 32, 32 }, [1, 4]);               // centre (7, 7) → stays in cell 7 of 8
        var empty = zeros(0, 4);

        using var targets = CenterNetTargets.Build([first, second, empty], [tensor(new[] { 0L, 0 }), tensor(new[] { 0L }), zeros(0, dtype: ScalarType.Int64)], 1, 8, 8, stride: 4);

        var heat = targets.Heatmap;
        Assert.AreEqual(1f, heat[0, 0, 1, 1].item<float>());
        Assert.AreEqual(1f, heat[0, 0, 3, 3].item<float>());
        Assert.AreEqual(1f, heat[1, 0, 7, 7].item<float>());
        Assert.AreEqual(0f, heat[2].sum().item<float>(), "an image without boxes is all background");
        Assert.AreEqual(2L, heat[0].eq(1).sum().item<long>());
        CollectionAssert.AreEqual(new[] { 2L, 1, 0 }, targets.BoxCounts);
        var own = (float)Math.Exp(-2 / (2 * Math.Pow(((2 * Math.Floor(CenterNetTargets.GaussianRadius(2, 2))) + 1) / 6, 2)));
        Assert.AreEqual(own, heat[0, 0, 2, 2].item<float>(), 1e-6f, "between two equal peaks: the larger of the two Gaussians");
    }

    [TestMethod]
    public void BoxesSharingACell_TheLaterBoxsSizeAndOffsetWin()
    {
        using var scope = NewDisposeScope();
        var boxes = tensor(new[] { 0f, 0, 8, 8, 1, 1, 7, 9 }, [2, 4]);        // both centred in cell (1, 1) at stride 4

        using var targets = CenterNetTargets.Build([boxes], [tensor(new[] { 0L, 1L })], 2, 4, 4, stride: 4);

        CollectionAssert.AreEqual(new[] { 1.5f, 2f }, targets.Size[0, .., 1, 1].data<float>().ToArray());
        CollectionAssert.AreEqual(new[] { 0f, 0.25f }, targets.Offset[0, .., 1, 1].data<float>().ToArray());
        Assert.AreEqual(1f, targets.Heatmap[0, 0, 1, 1].item<float>());
        Assert.AreEqual(1f, targets.Heatmap[0, 1, 1, 1].item<float>());
    }
}
