using System.Diagnostics;
using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

[TestClass]
public sealed class TorchObjectDetectorTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Fit_FindsTheSquares_WithTheirClass()
    {
        var mlContext = new MLContext(seed: 1);
        var train = SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(96, seed: 1));
        var test = SyntheticBoxes.Rows(32, seed: 2);
        var clock = Stopwatch.StartNew();

        using var model = mlContext.Detection().Trainers.TorchDetector(SyntheticBoxes.Options(steps: 200)).Fit(train);

        TestContext.WriteLine($"200 steps of batch 16 at 1×32×32 in {clock.Elapsed.TotalSeconds:F1} s.");
        var found = SyntheticBoxes.Detect(model.Transform(SyntheticBoxes.View(mlContext, test)));
        var (matched, total) = DetectionMatching.Recall([.. test.Select(r => (r.Labels, r.Box))], found);
        TestContext.WriteLine($"{matched} of {total} squares found at IoU 0.5 with their class; {found.Sum(f => f.Score.Count(s => s >= 0.3f))} detections ≥ 0.3.");
        Assert.IsGreaterThan(0.7 * total, matched);
    }
}
