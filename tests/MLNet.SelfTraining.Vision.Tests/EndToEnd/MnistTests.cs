using Microsoft.ML;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MLNet.SelfTraining.Vision.Tests.EndToEnd;

/// <summary>The classifier on the embedded MNIST-10k (canonical split), alone and as the self-training teacher and student.</summary>
[TestClass]
public sealed class MnistTests
{
    private static readonly MnistSplit Split = MnistSplit.Canonical(MnistDataset.ReadEmbedded10k(), labeledCount: 1000);

    [TestMethod]
    public void SmallCnn_On1000LabeledDigits_ReachesNinetyPercentTestAccuracy()
    {
        var mlContext = new MLContext(seed: 1);
        var options = new TorchImageClassifierTrainer.Options { Optimization = { NumberOfSteps = 60, BatchSize = 64, Seed = 1 } };

        using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options)
            .Fit(Split.LoadLabeled(mlContext));
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(Split.LoadTest(mlContext)));

        Assert.IsGreaterThan(0.9, metrics.MicroAccuracy, $"test accuracy {metrics.MicroAccuracy:F3}");
    }

    [TestMethod]
    public void SelfTraining_DrivesTheClassifierAsTeacherAndStudent()
    {
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var options = new TorchImageClassifierTrainer.Options { Optimization = { NumberOfSteps = 80, BatchSize = 64, Seed = 1 } };
        var classifier = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options);
        var unlabeled = mlContext.Data.TakeRows(Split.LoadUnlabeled(mlContext), 1000);

        var model = mlContext.MulticlassClassification.Trainers
            .SelfTraining(mlContext, classifier, unlabeled, maximumIterations: 1)
            .Fit(Split.LoadLabeled(mlContext));
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(Split.LoadTest(mlContext)));

        Assert.IsTrue(messages.Any(m => m.Contains("Student mode: 1000 human-labeled")), string.Join("\n", messages.Where(m => m.Contains("mode"))));
        Assert.IsGreaterThan(0.85, metrics.MicroAccuracy, $"test accuracy {metrics.MicroAccuracy:F3}\n" + string.Join("\n", messages.Where(m => !m.Contains("Channel"))));
    }
}
