using MLNet.SelfTraining.Vision.Tasks.Classification;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

[TestClass]
public sealed class OnlineRelabelerTests
{
    // Four 3×1×1 "images" whose pixels are the logits of the identity network below: row 0 and 2 confidently class 2,
    // row 1 confidently class 0, row 3 unsure (softmax of equal logits).
    private static readonly float[] Pixels = [0f, 0f, 9f, 9f, 0f, 0f, 0f, 0f, 9f, 1f, 1f, 1f];

    [TestMethod]
    public void Refresh_WithHardTargets_ReplacesOnlyConfidentPseudoRows()
    {
        using var images = tensor(Pixels, [4, 3, 1, 1]);
        using var index = tensor(new long[] { 0, 1, 2, 3 });
        using var targets = tensor(new long[] { 1, 1, 2, 1 });
        using var network = new LogitsOfPixels();
        network.train();
        var sut = new OnlineRelabeler(threshold: 0.9, mask: false);

        var (refreshed, keep) = sut.Refresh(network, images, index, targets, humanCount: 1);
        using var _ = refreshed;

        Assert.IsNull(keep, "without masking every row keeps its weight");
        // Row 0 is human (kept although the network disagrees), row 1 confidently 0, row 2 agrees, row 3 is unsure.
        CollectionAssert.AreEqual(new long[] { 1, 0, 2, 1 }, refreshed.data<long>().ToArray());
        Assert.AreEqual(3, sut.Seen);
        Assert.AreEqual(1, sut.Changed);
        Assert.IsTrue(network.training, "the network must be left in training mode");
    }

    [TestMethod]
    public void Refresh_WithMasking_LeavesOnlyUnconfidentPseudoRowsOut()
    {
        using var images = tensor(Pixels, [4, 3, 1, 1]);
        using var index = tensor(new long[] { 3, 0, 1, 3 });
        using var targets = tensor(new long[] { 1, 1, 1, 1 });
        using var network = new LogitsOfPixels();
        var sut = new OnlineRelabeler(threshold: 0.9, mask: true);

        var (refreshed, keep) = sut.Refresh(network, images, index, targets, humanCount: 1);
        using var _ = refreshed;
        using var __ = keep;

        // Row 3 is unsure: kept as the human row, left out as a pseudo row; rows 0 and 1 are confident (classes 2 and 0).
        CollectionAssert.AreEqual(new long[] { 1, 2, 0, 1 }, refreshed.data<long>().ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 1f, 1f, 0f }, keep!.data<float>().ToArray());
        Assert.AreEqual(3, sut.Seen);
        Assert.AreEqual(2, sut.Changed);
        Assert.AreEqual(1, sut.Masked);
    }

    [TestMethod]
    public void Refresh_WithSoftTargets_ReplacesConfidentRowsByOneHotVectors()
    {
        using var images = tensor(Pixels, [4, 3, 1, 1]);
        using var index = tensor(new long[] { 3, 1 });
        using var soft = tensor(new[] { 0.2f, 0.5f, 0.3f, 0.1f, 0.8f, 0.1f }, [2, 3]);
        using var network = new LogitsOfPixels();
        var sut = new OnlineRelabeler(threshold: 0.9, mask: false);

        using var refreshed = sut.Refresh(network, images, index, soft, humanCount: 1).Targets;

        CollectionAssert.AreEqual(new[] { 0.2f, 0.5f, 0.3f, 1f, 0f, 0f }, refreshed.data<float>().ToArray());
    }

    [TestMethod]
    public void Refresh_WithoutPseudoRows_ReturnsTheTargets()
    {
        using var images = tensor(Pixels, [4, 3, 1, 1]);
        using var index = tensor(new long[] { 0, 1 });
        using var targets = tensor(new long[] { 1, 1 });
        using var network = new LogitsOfPixels();
        var sut = new OnlineRelabeler(threshold: 0.5, mask: true);

        var (refreshed, keep) = sut.Refresh(network, images, index, targets, humanCount: 2);

        Assert.AreSame(targets, refreshed);
        Assert.IsNull(keep);
        Assert.AreEqual(0, sut.Seen);
    }

    /// <summary>A parameter-free network: (B, 3, 1, 1) → (B, 3) logits equal to the pixels.</summary>
    private sealed class LogitsOfPixels() : nn.Module<Tensor, Tensor>(nameof(LogitsOfPixels))
    {
        public override Tensor forward(Tensor input) => input.flatten(1);
    }
}
