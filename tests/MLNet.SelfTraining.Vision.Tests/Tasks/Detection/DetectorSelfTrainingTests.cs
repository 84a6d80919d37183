using Microsoft.ML;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

/// <summary>The detector as the teacher and the S4 student of the core's detection task (<c>mlContext.Detection().SelfTraining</c>).</summary>
[TestClass]
public sealed class DetectorSelfTrainingTests
{
    private const int Canvas = 64;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void SelfTraining_OnDigitScenes_PseudoBoxesReachTheS4Student_AndTheResultTransformsAndSaves()
    {
        var split = SceneSplit.Create(MnistDataset.ReadEmbedded10k(), labeledScenes: 120, unlabeledScenes: 120, testScenes: 40, objectCentricImages: 0,
            new SceneOptions { CanvasSize = Canvas }, seed: 1);
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var teacher = mlContext.Detection().Trainers.TorchDetector(Options(AugmentationPolicy.None, steps: 200));
        var student = mlContext.Detection().Trainers.TorchDetector(Options(AugmentationPolicy.S4, steps: 60));

        using var model = mlContext.Detection()
            .SelfTraining(teacher, split.LoadUnlabeled(mlContext),
                new SelfTrainingOptions
                {
                    LabelColumnName = DefaultColumnNames.Labels,
                    MaximumIterations = 1,
                    Student = student,
                    DiagnosticLabelColumnName = SceneSet.TrueLabelsColumnName,
                },
                new PseudoBoxOptions { ScoreThreshold = 0.3f, DiagnosticBoxColumnName = SceneSet.TrueBoxColumnName })
            .Fit(split.LoadLabeled(mlContext));

        var round = model.Rounds.Single();
        TestContext.WriteLine($"{round.PseudoLabeled} pseudo rows, {round.PseudoLabeledPerClass.Sum()} pseudo boxes, accuracy {round.PseudoLabelAccuracy}; "
            + string.Join("\n", messages.Where(m => m.Contains("mode") || m.Contains("pseudo"))));
        Assert.AreEqual(120L, round.Scored);
        Assert.IsTrue(messages.Any(m => m.Contains($"Student mode: 120 human-labeled and {round.PseudoLabeled} pseudo-labeled rows")),
            string.Join("\n", messages.Where(m => m.Contains("mode"))));
        Assert.IsGreaterThan(100L, round.PseudoLabeled, "every valid unlabeled image is a pseudo row");
        Assert.IsGreaterThan(60L, round.PseudoLabeledPerClass.Sum(), "pseudo boxes above the threshold");
        Assert.IsNotNull(round.PseudoLabelAccuracy);

        var detector = (TorchObjectDetectorTransformer)model.Model;
        var metrics = mlContext.Detection().Evaluate(model.Transform(split.LoadTest(mlContext)));
        var path = TestArchives.TempPath(TestContext, "student.zip");
        detector.Save(path);
        using var loaded = TorchObjectDetectorTransformer.Load(mlContext, path);
        var reloaded = mlContext.Detection().Evaluate(loaded.Transform(split.LoadTest(mlContext)));

        TestContext.WriteLine($"student AP50 {metrics.AveragePrecision50:F3}, AP {metrics.AveragePrecision:F3}");
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(d => $"{d}").ToArray(), metrics.ClassNames.ToArray());
        Assert.IsGreaterThan(0.0, metrics.AveragePrecision50);
        Assert.AreEqual(metrics.AveragePrecision50, reloaded.AveragePrecision50, "the saved student scores the same");
    }

    private static TorchObjectDetectorTrainer.Options Options(AugmentationPolicy policy, int steps) => new()
    {
        Network = new NetworkOptions { ImageHeight = Canvas, ImageWidth = Canvas, BaseWidth = 16 },
        Optimization = new OptimizationOptions { Optimizer = TorchOptimizer.AdamW, NumberOfSteps = steps, BatchSize = 16, LearningRate = 0.003, Seed = 1 },
        Augmentation = new AugmentationOptions { Policy = policy },
    };
}
