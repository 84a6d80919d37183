using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

[TestClass]
public sealed class SegmentationLossTests
{
    [TestMethod]
    public void IgnoredPixels_AddNoLossAndNoGradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var logits = randn(2, 3, 4, 4).requires_grad_();
        var masks = full(2, 4, 4, 255L);
        masks[1, 2, 3] = tensor(2L);

        var loss = new SegmentationLoss(new LossNormalizer()).Compute(logits, masks, weights: null, humanCount: 2);
        loss.backward();

        var expected = nn.functional.cross_entropy(logits.detach()[1, .., 2, 3].unsqueeze(0), tensor(new[] { 2L }));
        Assert.AreEqual(expected.ToDouble(), loss.ToDouble(), 1e-6, "the loss is the one labeled pixel's");
        var gradient = logits.grad!.abs().sum(1);                                   // (2, 4, 4)
        Assert.IsGreaterThan(0, gradient[1, 2, 3].ToDouble());
        gradient[1, 2, 3] = tensor(0f);
        Assert.AreEqual(0, gradient.sum().ToDouble(), "no gradient reaches an ignored pixel");
    }

    [TestMethod]
    public void Loss_IsTheMeanOverValidPixels_WithEachRowsPixelsTimesItsWeight()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var logits = randn(2, 3, 4, 4);
        var masks = randint(0, 3, [2, 4, 4]);
        masks[0, 0] = full(4, 255L);                                                // 4 ignored pixels in row 0
        var weights = tensor(new[] { 2f, 0.5f });

        var loss = new SegmentationLoss(new LossNormalizer()).Compute(logits, masks, weights, humanCount: 2);

        var perPixel = nn.functional.cross_entropy(logits, masks, ignore_index: 255, reduction: nn.Reduction.None);
        var expected = ((2 * perPixel[0].sum().ToDouble()) + (0.5 * perPixel[1].sum().ToDouble())) / 28;
        Assert.AreEqual(expected, loss.ToDouble(), 1e-5);
    }

    [TestMethod]
    [DataRow(1.0, true)]
    [DataRow(3.0, true)]
    [DataRow(3.0, false)]
    public void StudentBatches_CombineHumanAndPseudoLossesThroughTheNormalizer(double alpha, bool normalize)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var loss = new SegmentationLoss(new LossNormalizer(alpha, decay: 0.5, normalize));
        var reference = new LossNormalizer(alpha, decay: 0.5, normalize);
        for (var batch = 0; batch < 3; batch++)
        {
            var logits = randn(4, 3, 4, 4).mul(batch + 1);
            var masks = randint(0, 3, [4, 4, 4]);
            masks[3] = full(4, 4, 255L);                                            // a pseudo row without labeled pixels

            var total = loss.Compute(logits, masks, weights: null, humanCount: 2).ToDouble();

            var human = nn.functional.cross_entropy(logits[..2], masks[..2], ignore_index: 255).ToDouble();
            var pseudo = nn.functional.cross_entropy(logits[2..], masks[2..], ignore_index: 255).ToDouble();
            Assert.AreEqual(reference.Combine(human, pseudo), total, 1e-5, $"batch {batch}");
            if (batch == 0 && normalize)
            {
                Assert.AreEqual(human, total, 1e-5, "on the first batch the normalized total is the human loss");
            }
        }
    }
}
