using MLNet.SelfTraining.Vision.Pretraining;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Pretraining;

[TestClass]
public sealed class NtXentLossTests
{
    [TestMethod]
    public void Compute_OnTwoImagesOfTwoViews_IsTheHandComputedLoss()
    {
        // Views in order: image 0 view 1, image 1 view 1, image 0 view 2, image 1 view 2.
        // v0 = (3, 0), v1 = (0, 2), v2 = (1, 1), v3 = (0, 5) → unit u0 = (1, 0), u1 = (0, 1), u2 = (1, 1)/√2, u3 = (0, 1).
        // Cosines: c01 = 0, c02 = 1/√2, c03 = 0, c12 = 1/√2, c13 = 1, c23 = 1/√2. τ = 0.5, so each logit is 2c.
        // Anchor 0 (positive 2): logits √2 (pos), 0, 0   → l0 = −√2 + ln(e^√2 + 2)
        // Anchor 1 (positive 3): logits 2 (pos), 0, √2   → l1 = −2 + ln(e^2 + 1 + e^√2)
        // Anchor 2 (positive 0): logits √2 (pos), √2, √2 → l2 = −√2 + ln(3·e^√2) = ln 3
        // Anchor 3 (positive 1): logits 2 (pos), 0, √2   → l3 = l1
        // Loss = (l0 + l1 + l2 + l3) / 4.
        var r2 = Math.Sqrt(2);
        var l0 = -r2 + Math.Log(Math.Exp(r2) + 2);
        var l1 = -2 + Math.Log(Math.Exp(2) + 1 + Math.Exp(r2));
        var expected = (l0 + l1 + Math.Log(3) + l1) / 4;

        var loss = Loss(0.5, [3, 0], [0, 2], [1, 1], [0, 5]);

        Assert.AreEqual(expected, loss, 1e-5);
    }

    [TestMethod]
    public void Compute_IsLowerWhenEachViewMatchesItsOwnImage_ThanWithTheSecondViewsSwapped()
    {
        float[] a = [1, 0.1f], b = [-0.2f, 1];
        var aligned = Loss(0.5, a, b, a, b);
        var swapped = Loss(0.5, a, b, b, a);

        Assert.IsLessThan(swapped, aligned, $"aligned {aligned}, swapped {swapped}");
    }

    [TestMethod]
    public void Compute_WithPerfectlyAlignedOrthogonalViews_FollowsTheTemperature()
    {
        // u0 = u2 = (1, 0), u1 = u3 = (0, 1): each anchor's positive has cosine 1, its two negatives cosine 0, so
        // loss(τ) = −1/τ + ln(e^(1/τ) + 2) = ln(1 + 2·e^(−1/τ)): it falls as τ falls and tends to ln 3 (= ln(2B − 1)) as τ grows.
        float[] x = [1, 0], y = [0, 1];
        foreach (var temperature in new[] { 0.1, 0.5, 1.0, 2.0 })
        {
            Assert.AreEqual(Math.Log(1 + (2 * Math.Exp(-1 / temperature))), Loss(temperature, x, y, x, y), 1e-5, $"τ = {temperature}");
        }

        Assert.IsLessThan(Loss(0.5, x, y, x, y), Loss(0.1, x, y, x, y));
        Assert.AreEqual(Math.Log(3), Loss(1e6, x, y, x, y), 1e-5, "a huge τ makes every candidate equally likely");
    }

    [TestMethod]
    public void Compute_GivesGradientsToTheProjections()
    {
        using var projections = tensor(new float[] { 3, 0, 0, 2, 1, 1, 0, 5 }, [4, 2]).requires_grad_();
        using var loss = new NtXentLoss(0.5).Compute(projections);

        loss.backward();

        Assert.IsTrue(projections.grad is { } grad && grad.abs().sum().ToDouble() > 0 && grad.isfinite().all().item<bool>());
    }

    /// <summary>The loss of four 2-d projections: image 0 view 1, image 1 view 1, image 0 view 2, image 1 view 2.</summary>
    private static double Loss(double temperature, params float[][] views)
    {
        using var projections = tensor(views.SelectMany(v => v).ToArray(), [views.Length, 2]);
        using var loss = new NtXentLoss(temperature).Compute(projections);
        return loss.ToDouble();
    }
}
