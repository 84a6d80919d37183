using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Tests.Pretraining;

[TestClass]
public sealed class SimClrDeterminismTests
{
    [TestMethod]
    public void Fit_TwiceWithTheSameSeed_GivesIdenticalEmbeddings_AndAnotherSeedOthers()
    {
        var first = EmbeddingsAfterFit(seed: 1);
        var again = EmbeddingsAfterFit(seed: 1);
        var other = EmbeddingsAfterFit(seed: 2);

        Assert.HasCount(48, first);
        Assert.HasCount(16, first[0]);
        Assert.IsTrue(first.All(row => row.All(float.IsFinite)), "every embedding is finite");
        for (var row = 0; row < first.Length; row++)
        {
            CollectionAssert.AreEqual(first[row], again[row], $"row {row}: the same seed gives the same bits");
        }

        Assert.IsTrue(first.Zip(other).Any(pair => !pair.First.SequenceEqual(pair.Second)), "another seed gives other weights");
    }

    private static float[][] EmbeddingsAfterFit(int seed)
    {
        var mlContext = new MLContext(seed: 1);
        var data = TinySimClr.Images(mlContext);
        using var model = TinySimClr.Fit(mlContext, TinySimClr.Options(steps: 10, seed), data);
        return TinySimClr.Embeddings(model.Transform(data));
    }
}
