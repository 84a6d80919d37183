using Microsoft.ML;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Tests.Persistence;

/// <summary>A fit refuses, before it trains, a model that the transformer's own <c>Load</c> would refuse.</summary>
[TestClass]
public sealed class LoadableModelTests
{
    [TestMethod]
    public void Classifier_WhoseScoringBatchLoadWouldRefuse_IsRefusedBeforeTraining()
    {
        var mlContext = new MLContext(seed: 1);
        var steps = new List<int>();
        var options = new TorchImageClassifierTrainer.Options
        {
            Optimization = { NumberOfSteps = 5, InferenceBatchSize = 1 << 20 },
            Progress = new Recorder(steps),
        };
        var data = mlContext.Data.TakeRows(MnistDataset.LoadEmbedded10k(mlContext), 20);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(data));

        Assert.Contains("inferenceBatchSize", error.Message);
        Assert.Contains(nameof(TorchImageClassifierTrainer), error.Message);
        Assert.IsEmpty(steps, "nothing was trained");
    }

    [TestMethod]
    public void Segmenter_WhoseScoringBatchLoadWouldRefuse_IsRefusedBeforeTraining()
    {
        var mlContext = new MLContext(seed: 1);
        var options = SyntheticScenes.Options(steps: 5);
        options.Optimization.InferenceBatchSize = 1 << 20;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.Segmentation().Trainers.TorchSegmenter(options).Fit(SyntheticScenes.View(mlContext, SyntheticScenes.Rows(8, seed: 1))));

        Assert.Contains("inferenceBatchSize", error.Message);
        Assert.Contains("would train a model that its Load refuses", error.Message);
    }

    private sealed class Recorder(List<int> steps) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => steps.Add(value.Step);
    }
}
