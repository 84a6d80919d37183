using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

[TestClass]
public sealed class ClassificationLossTests
{
    private static readonly float[] Logits = [1f, 2f, 0.5f, 0.1f, 0.2f, 3f];
    private static readonly float[] Soft = [0.2f, 0.7f, 0.1f, 0.5f, 0f, 0.5f];

    [TestMethod]
    public void Compute_WithSoftTargets_IsTheCrossEntropyAgainstTheProbabilities()
    {
        using var logits = tensor(Logits, [2, 3]);
        using var targets = tensor(Soft, [2, 3]);
        var sut = new ClassificationLoss(new LossNormalizer());

        using var loss = sut.Compute(logits, targets, weights: null, humanCount: 2);

        Assert.AreEqual((RowLoss(0) + RowLoss(1)) / 2, loss.ToDouble(), 1e-6);
    }

    [TestMethod]
    public void Compute_WithWeights_MultipliesEachRowLoss()
    {
        using var logits = tensor(Logits, [2, 3]);
        using var targets = tensor(new long[] { 1, 2 });
        using var weights = tensor(new[] { 2f, 0.5f });
        var sut = new ClassificationLoss(new LossNormalizer());

        using var loss = sut.Compute(logits, targets, weights, humanCount: 2);

        var expected = ((2 * HardLoss(0, 1)) + (0.5 * HardLoss(1, 2))) / 2;
        Assert.AreEqual(expected, loss.ToDouble(), 1e-6);
    }

    [TestMethod]
    public void Compute_InStudentMode_CombinesHumanAndPseudoLossesWithTheNormalizer()
    {
        using var logits = tensor(Logits, [2, 3]);
        using var targets = tensor(Soft, [2, 3]);

        using var normalized = new ClassificationLoss(new LossNormalizer(alpha: 1)).Compute(logits, targets, null, humanCount: 1);
        using var plain = new ClassificationLoss(new LossNormalizer(alpha: 2, normalize: false)).Compute(logits, targets, null, humanCount: 1);

        // First batch: the averages equal the batch losses, so the normalized total is L_h.
        Assert.AreEqual(RowLoss(0), normalized.ToDouble(), 1e-6);
        Assert.AreEqual(RowLoss(0) + (2 * RowLoss(1)), plain.ToDouble(), 1e-6);
    }

    [TestMethod]
    public void Compute_WithAMask_AveragesOverAllPseudoRowsButNormalizesByTheKeptOnes()
    {
        // Rows 0 and 1 are the shared logits; row 2 (pseudo, badly wrong) is masked out.
        using var logits = tensor(Logits.Concat([5f, 0f, 0f]).ToArray(), [3, 3]);
        using var targets = tensor(new long[] { 1, 2, 2 });
        using var keep = tensor(new[] { 1f, 1f, 0f });
        var normalizer = new LossNormalizer(alpha: 1);

        using var loss = new ClassificationLoss(normalizer).Compute(logits, targets, weights: null, humanCount: 1, keep);

        // First batch: L̄_h = L_h and L̄_p = the kept row's loss, while the pseudo term is that loss over both pseudo rows,
        // so L = ½·(L_h + (L_h / L_p,kept)·(L_p,kept / 2)) = ¾·L_h.
        Assert.AreEqual(HardLoss(1, 2), normalizer.PseudoLossAverage, 1e-6);
        Assert.AreEqual(0.75 * HardLoss(0, 1), loss.ToDouble(), 1e-6);
    }

    [TestMethod]
    public void Compute_WhenTheMaskKeepsNoPseudoRow_LeavesThePseudoAverageAsItIs()
    {
        using var logits = tensor(Logits, [2, 3]);
        using var targets = tensor(new long[] { 1, 2 });
        using var all = tensor(new[] { 1f, 1f });
        using var none = tensor(new[] { 1f, 0f });
        var normalizer = new LossNormalizer(alpha: 1, decay: 0.5);
        var sut = new ClassificationLoss(normalizer);

        using var first = sut.Compute(logits, targets, weights: null, humanCount: 1, all);
        using var second = sut.Compute(logits, targets, weights: null, humanCount: 1, none);

        Assert.AreEqual(HardLoss(1, 2), normalizer.PseudoLossAverage, 1e-6);
        Assert.AreEqual(0.5 * HardLoss(0, 1), second.ToDouble(), 1e-6, "only the human half of the loss is left");
    }

    private static double RowLoss(int row)
    {
        var logSoftmax = LogSoftmax(row);
        return -Enumerable.Range(0, 3).Sum(k => Soft[(row * 3) + k] * logSoftmax[k]);
    }

    private static double HardLoss(int row, int label) => -LogSoftmax(row)[label];

    private static double[] LogSoftmax(int row)
    {
        var z = Logits.Skip(row * 3).Take(3).Select(v => (double)v).ToArray();
        var logSum = Math.Log(z.Sum(Math.Exp));
        return z.Select(v => v - logSum).ToArray();
    }
}
