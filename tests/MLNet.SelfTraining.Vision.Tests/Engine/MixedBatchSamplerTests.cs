using MLNet.SelfTraining.Vision.Engine;

namespace MLNet.SelfTraining.Vision.Tests.Engine;

[TestClass]
public sealed class MixedBatchSamplerTests
{
    private static readonly int[] Human = Enumerable.Range(0, 10).ToArray();
    private static readonly int[] Pseudo = Enumerable.Range(100, 90).ToArray();

    [TestMethod]
    [DataRow(1.0, 16, 16)]
    [DataRow(3.0, 8, 24)]
    [DataRow(1.0 / 3, 24, 8)]
    public void NextBatch_MixesHumanAndPseudoRowsAtTheRatio(double ratio, int humanPerBatch, int pseudoPerBatch)
    {
        var sut = new MixedBatchSampler(Human, Pseudo, batchSize: 32, ratio, seed: 1);

        for (var step = 0; step < 20; step++)
        {
            var batch = sut.NextBatch();
            Assert.AreEqual(humanPerBatch, batch.Take(sut.HumanBatchSize).Count(r => r < 100));
            Assert.AreEqual(pseudoPerBatch, batch.Skip(sut.HumanBatchSize).Count(r => r >= 100));
            Assert.AreEqual(32, batch.Length);
        }
    }

    [TestMethod]
    public void NextBatch_CyclesTheSmallHumanSet_AndCoversEveryPseudoRowOncePerEpoch()
    {
        var sut = new MixedBatchSampler(Human, Pseudo, batchSize: 20, pseudoPerHuman: 1, seed: 1);

        var batches = Enumerable.Range(0, sut.StepsPerEpoch).Select(_ => sut.NextBatch()).ToArray();

        Assert.AreEqual(9, sut.StepsPerEpoch);
        var humanCounts = batches.SelectMany(b => b.Take(10)).GroupBy(r => r).Select(g => g.Count()).ToArray();
        Assert.HasCount(10, humanCounts);
        Assert.IsTrue(humanCounts.All(c => c == 9), "each human row appears once per pass over the human set");
        CollectionAssert.AreEquivalent(Pseudo, batches.SelectMany(b => b.Skip(10)).ToArray());
    }

    [TestMethod]
    public void Constructor_WithoutPseudoRows_IsASupervisedSampler()
    {
        var sut = new MixedBatchSampler(Human, [], batchSize: 4, pseudoPerHuman: 1, seed: 1);

        Assert.AreEqual(4, sut.HumanBatchSize);
        Assert.AreEqual(0, sut.PseudoBatchSize);
        Assert.AreEqual(3, sut.StepsPerEpoch);
    }

    [TestMethod]
    public void NextBatch_WithTheSameSeed_IsReproducible()
    {
        var first = new MixedBatchSampler(Human, Pseudo, 16, 1, seed: 4);
        var second = new MixedBatchSampler(Human, Pseudo, 16, 1, seed: 4);

        for (var step = 0; step < 10; step++)
        {
            CollectionAssert.AreEqual(first.NextBatch(), second.NextBatch());
        }
    }
}
