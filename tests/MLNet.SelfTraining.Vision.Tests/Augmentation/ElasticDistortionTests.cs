using MLNet.SelfTraining.Vision.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Augmentation;

[TestClass]
public sealed class ElasticDistortionTests
{
    [TestMethod]
    public void Offsets_HaveTheSmoothedUniformFieldsSpread_InNormalizedUnits()
    {
        const double alpha = 34, sigma = 4;
        using var generator = new Generator(7);

        using var offsets = new ElasticDistortion(alpha, sigma).Offsets(64, 28, 56, generator);

        CollectionAssert.AreEqual(new long[] { 64, 28, 56, 2 }, offsets.shape);
        // U(-1, 1) has variance 1/3; a separable kernel k scales it by (Σk²)², so the interior spread in pixels is
        // α·sqrt(1/3)·Σk² (zero padding only thins the border). Normalized units: 2/W per pixel along x, 2/H along y.
        var taps = Enumerable.Range(-16, 33).Select(i => Math.Exp(-i * i / (2 * sigma * sigma))).ToArray();
        var squares = taps.Sum(t => t * t) / Math.Pow(taps.Sum(), 2);
        var expectedPixels = alpha * Math.Sqrt(1.0 / 3) * squares;
        using var interior = offsets[.., 10..18, 24..32];
        var xPixels = interior[.., .., .., 0].std().ToDouble() * 56 / 2;
        var yPixels = interior[.., .., .., 1].std().ToDouble() * 28 / 2;
        Assert.AreEqual(expectedPixels, xPixels, 0.15 * expectedPixels);
        Assert.AreEqual(expectedPixels, yPixels, 0.15 * expectedPixels);
    }

    [TestMethod]
    public void Offsets_AreSmoothAcrossNeighbours_AndDifferPerImage()
    {
        using var generator = new Generator(7);

        using var offsets = new ElasticDistortion(34, 4).Offsets(32, 28, 28, generator);

        using var x = offsets[.., .., .., 0];
        var neighbours = stack([x[.., .., 1..].flatten(), x[.., .., ..^1].flatten()]);
        Assert.IsGreaterThan(0.9, corrcoef(neighbours)[0, 1].ToDouble(), "neighbouring pixels move together");
        Assert.IsFalse(offsets[0].allclose(offsets[1]), "each image draws its own field");
    }
}
