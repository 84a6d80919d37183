using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

/// <summary>The detector on the SampleData digit scenes (64 pixels, 1–3 MNIST digits of 16–28 pixels, 10 classes).</summary>
[TestClass]
public sealed class DigitSceneDetectionTests
{
    private const int Canvas = 64;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void AShortTraining_FindsMostDigits_WithTheirClass()
    {
        var split = SceneSplit.Create(MnistDataset.ReadEmbedded10k(), labeledScenes: 200, unlabeledScenes: 0, testScenes: 60, objectCentricImages: 0,
            new SceneOptions { CanvasSize = Canvas }, seed: 1);
        var mlContext = new MLContext(seed: 1);
        var clock = Stopwatch.StartNew();

        using var model = mlContext.Detection().Trainers.TorchDetector(new TorchObjectDetectorTrainer.Options
        {
            Network = new NetworkOptions { ImageHeight = Canvas, ImageWidth = Canvas, BaseWidth = 16 },
            Optimization = new OptimizationOptions { Optimizer = TorchOptimizer.AdamW, NumberOfSteps = 200, BatchSize = 16, LearningRate = 0.003, Seed = 1 },
        }).Fit(split.LoadLabeled(mlContext));

        var found = SyntheticBoxes.Detect(model.Transform(split.LoadTest(mlContext)));
        var truth = Enumerable.Range(0, split.Test.Count).Select(i =>
        {
            var digits = split.Test.GetDigits(i).ToArray();
            return (digits.Select(d => (uint)d.Digit + 1).ToArray(), digits.SelectMany(d => new float[] { d.X0, d.Y0, d.X1, d.Y1 }).ToArray());
        }).ToList();
        var (matched, total) = DetectionMatching.Recall(truth, found);
        TestContext.WriteLine($"200 steps of batch 16 at 64 px, width 16: {clock.Elapsed.TotalSeconds:F1} s; {matched} of {total} digits found at IoU 0.5 with their class (score ≥ 0.3).");
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(d => $"{d}").ToArray(), model.ClassNames.ToArray());
        Assert.IsGreaterThan(0.6 * total, matched, "73 % measured (86 of 118)");
    }
}
