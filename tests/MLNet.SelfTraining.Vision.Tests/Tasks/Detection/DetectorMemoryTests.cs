using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

[TestClass]
public sealed class DetectorMemoryTests
{
    [TestMethod]
    public void Fit_LeavesAsManyLiveTensorsAfter300StepsAsAfter30() => LiveTensors.AssertFlatOverSteps(steps =>
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(40, seed: 1));
        var options = SyntheticBoxes.Options(steps);
        options.Augmentation.Policy = AugmentationPolicy.S4;
        using var model = mlContext.Detection().Trainers.TorchDetector(options).Fit(data);
        _ = model.Transform(data).GetColumn<float[]>(DefaultColumnNames.Score).ToList();
    });
}
