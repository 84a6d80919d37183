using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Engine;

[TestClass]
public sealed class WeightAverageTests
{
    [TestMethod]
    public void Update_FollowsTheWarmedUpDecayUpToItsCap()
    {
        using var module = nn.Linear(1, 1, hasBias: false);
        Set(module, 0f);
        using var sut = new WeightAverage(module, decay: 0.15);

        Set(module, 1f);
        sut.Update(module);                 // d = min(0.15, 1/10) = 0.1: 0.1·0 + 0.9·1 = 0.9
        Set(module, 2f);
        sut.Update(module);                 // d = min(0.15, 2/11) = 0.15: 0.15·0.9 + 0.85·2 = 1.835
        sut.CopyTo(module);

        Assert.AreEqual(1.835, module.weight!.ToSingle(), 1e-6);
    }

    [TestMethod]
    public void Snapshot_WritesTheAveragesAndTheSourcesBatchNormStatistics()
    {
        using var source = nn.BatchNorm1d(2);
        using var target = nn.BatchNorm1d(2);
        using var sut = new WeightAverage(source, decay: 0.5);
        using (no_grad())
        {
            source.weight!.fill_(3f);                       // averages: d = min(0.5, 1/10) = 0.1: 0.1·1 + 0.9·3 = 2.8
        }

        sut.Update(source);
        source.train();
        using (var batch = tensor(new float[] { 10, 20, 30, 40 }, [2, 2]))
        {
            source.forward(batch).Dispose();                // running mean: 0.9·0 + 0.1·(20, 30) = (2, 3)
        }

        sut.Snapshot(source, target);

        CollectionAssert.AreEqual(new[] { 2.8f, 2.8f }, target.weight!.data<float>().ToArray(), new ToleranceComparer(1e-5f));
        CollectionAssert.AreEqual(new[] { 2f, 3f }, target.running_mean!.data<float>().ToArray(), new ToleranceComparer(1e-5f));
        Assert.AreEqual(3f, source.weight!.data<float>()[0], "the source keeps its own weights");
    }

    [TestMethod]
    public void Fit_WithAWeightAverage_TrainsAndDiffersFromTheLastWeights()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 1));
        var averaged = TinyClassifier.Options(steps: 40);
        averaged.Optimization.WeightAverageDecay = 0.9;

        using var last = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 40)).Fit(data);
        using var average = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, averaged).Fit(data);

        var test = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 2));
        var lastScores = Scores(mlContext, last.Transform(test));
        var averageScores = Scores(mlContext, average.Transform(test));
        Assert.IsGreaterThan(0.9, mlContext.MulticlassClassification.Evaluate(average.Transform(test)).MacroAccuracy);
        Assert.IsTrue(lastScores.Zip(averageScores).Any(p => Math.Abs(p.First - p.Second) > 1e-4), "the averaged weights must differ from the last ones");
    }

    private static float[] Scores(MLContext mlContext, IDataView scored) =>
        scored.GetColumn<VBuffer<float>>("Score").SelectMany(v => v.DenseValues()).ToArray();

    private static void Set(nn.Module<Tensor, Tensor> module, float value)
    {
        using (no_grad())
        {
            module.parameters().Single().fill_(value);
        }
    }
}
