using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

[TestClass]
public sealed class DetectionLossTests
{
    [TestMethod]
    public void Loss_IsFocalPlusATenthOfSizePlusOffset_OverTheNumberOfBoxes_WithEachImageTimesItsWeight()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var output = randn(2, 2 + 4, 4, 4);
        using var targets = CenterNetTargets.Build(
            [tensor(new[] { 2f, 2, 10, 14, 8, 0, 16, 6 }, [2, 4]), tensor(new[] { 4f, 4, 12, 12 }, [1, 4])],
            [tensor(new[] { 0L, 1 }), tensor(new[] { 1L })], classCount: 2, height: 4, width: 4, stride: 4);
        var weights = tensor(new[] { 2f, 0.5f });

        var loss = new DetectionLoss(new LossNormalizer()).Compute(output, targets, weights, humanCount: 2).ToDouble();

        double expected = 0;
        for (var image = 0; image < 2; image++)
        {
            double focal = 0, size = 0, offset = 0;
            for (var i = 0; i < 2 * 16; i++)
            {
                var (k, cell) = (i / 16, i % 16);
                var p = Math.Clamp(1 / (1 + Math.Exp(-output[image, k, cell / 4, cell % 4].ToDouble())), 1e-4, 1 - 1e-4);
                var gt = targets.Heatmap[image, k, cell / 4, cell % 4].ToDouble();
                focal += gt == 1 ? Math.Pow(1 - p, 2) * Math.Log(p) : Math.Pow(1 - gt, 4) * p * p * Math.Log(1 - p);
            }

            for (var cell = 0; cell < 16; cell++)
            {
                if (targets.Centres[image, 0, cell / 4, cell % 4].ToDouble() == 1)
                {
                    for (var c = 0; c < 2; c++)
                    {
                        size += Math.Abs(output[image, 2 + c, cell / 4, cell % 4].ToDouble() - targets.Size[image, c, cell / 4, cell % 4].ToDouble());
                        offset += Math.Abs(output[image, 4 + c, cell / 4, cell % 4].ToDouble() - targets.Offset[image, c, cell / 4, cell % 4].ToDouble());
                    }
                }
            }

            expected += (image == 0 ? 2 : 0.5) * (-focal + (0.1 * size) + offset);
        }

        Assert.AreEqual(expected / 3, loss, 1e-4 * Math.Abs(expected));
    }

    [TestMethod]
    public void ImagesWithoutBoxes_GiveAFiniteLossThatTeachesBackground()
    {
        using var scope = NewDisposeScope();
        var output = zeros(2, 3 + 4, 4, 4).requires_grad_();
        using var targets = CenterNetTargets.Build([zeros(0, 4), zeros(0, 4)], [zeros(0, dtype: ScalarType.Int64), zeros(0, dtype: ScalarType.Int64)], 3, 4, 4, 4);

        var loss = new DetectionLoss(new LossNormalizer()).Compute(output, targets, weights: null, humanCount: 2);
        loss.backward();

        Assert.AreEqual(-2 * 3 * 16 * 0.25 * Math.Log(0.5), loss.ToDouble(), 1e-5, "every cell a negative at p = 0.5, divided by max(N, 1) = 1");
        Assert.IsTrue(output.grad!.narrow(1, 0, 3).gt(0).all().ToBoolean(), "the gradient pushes every heatmap logit down");
        Assert.AreEqual(0, output.grad!.narrow(1, 3, 4).abs().sum().ToDouble(), "no box: no size or offset gradient");
    }

    [TestMethod]
    [DataRow(1.0, true)]
    [DataRow(3.0, true)]
    [DataRow(3.0, false)]
    public void StudentBatches_CombineHumanAndPseudoLossesThroughTheNormalizer(double alpha, bool normalize)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var loss = new DetectionLoss(new LossNormalizer(alpha, decay: 0.5, normalize));
        var reference = new LossNormalizer(alpha, decay: 0.5, normalize);
        var plain = new DetectionLoss(new LossNormalizer());
        for (var batch = 0; batch < 3; batch++)
        {
            var output = randn(4, 2 + 4, 4, 4).mul(batch + 1);
            var boxes = new[] { tensor(new[] { 0f, 0, 8, 8 }, [1, 4]), tensor(new[] { 4f, 4, 16, 12, 0, 8, 6, 16 }, [2, 4]), tensor(new[] { 2f, 2, 9, 9 }, [1, 4]), zeros(0, 4) };
            var classes = new[] { tensor(new[] { 1L }), tensor(new[] { 0L, 1 }), tensor(new[] { 0L }), zeros(0, dtype: ScalarType.Int64) };
            using var all = CenterNetTargets.Build(boxes, classes, 2, 4, 4, 4);
            using var human = CenterNetTargets.Build(boxes[..2], classes[..2], 2, 4, 4, 4);
            using var pseudo = CenterNetTargets.Build(boxes[2..], classes[2..], 2, 4, 4, 4);

            var total = loss.Compute(output, all, weights: null, humanCount: 2).ToDouble();

            var humanLoss = plain.Compute(output[..2], human, null, 2).ToDouble();
            var pseudoLoss = plain.Compute(output[2..], pseudo, null, 2).ToDouble();
            Assert.AreEqual(reference.Combine(humanLoss, pseudoLoss), total, 1e-4, $"batch {batch}");
        }
    }
}
