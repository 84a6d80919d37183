using MLNet.SelfTraining.Vision.Engine;

namespace MLNet.SelfTraining.Vision.Tests.Engine;

[TestClass]
public sealed class LossNormalizerTests
{
    // method.md §1.4: L = 1/(1+α)·(L_h + α·(L̄_h/L̄_p)·L_p), first batch initializes L̄_h = 2, L̄_p = 8.
    [TestMethod]
    [DataRow(1.0, 2.0)]
    [DataRow(3.0, 2.0)]
    public void Combine_ReproducesTheSpecVectors(double alpha, double expected)
    {
        var sut = new LossNormalizer(alpha);

        Assert.AreEqual(expected, sut.Combine(humanLoss: 2, pseudoLoss: 8), 1e-12);
        Assert.AreEqual(2.0, sut.HumanLossAverage);
        Assert.AreEqual(8.0, sut.PseudoLossAverage);
    }

    [TestMethod]
    public void Update_AppliesTheMovingAverageBeforeWeighting()
    {
        var sut = new LossNormalizer(alpha: 1, decay: 0.9);
        sut.Update(2, 8);

        var (human, pseudo) = sut.Update(4, 4);

        Assert.AreEqual(2.2, sut.HumanLossAverage, 1e-12);
        Assert.AreEqual(7.6, sut.PseudoLossAverage, 1e-12);
        Assert.AreEqual(0.5, human, 1e-12);
        Assert.AreEqual(0.5 * 2.2 / 7.6, pseudo, 1e-12);
    }

    [TestMethod]
    public void Update_GuardsAZeroPseudoLossWithEpsilon()
    {
        var (_, pseudo) = new LossNormalizer(alpha: 1).Update(1, 0);

        Assert.AreEqual(0.5 / LossNormalizer.Epsilon, pseudo, 1);
    }

    [TestMethod]
    public void Combine_WithoutNormalization_IsThePlainWeightedSum()
    {
        var sut = new LossNormalizer(alpha: 3, normalize: false);

        Assert.AreEqual(2 + (3 * 8), sut.Combine(2, 8), 1e-12);
        Assert.AreEqual(2 + (3 * 4), sut.Combine(2, 4), 1e-12);
        Assert.AreEqual(2.0, sut.HumanLossAverage, 1e-12);
        Assert.AreEqual(7.96, sut.PseudoLossAverage, 1e-12, "the averages are kept for the log");
    }

    [TestMethod]
    public void Constructor_RejectsADecayOfOne()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LossNormalizer(decay: 1));

        Assert.AreEqual("decay", error.ParamName);
    }
}
