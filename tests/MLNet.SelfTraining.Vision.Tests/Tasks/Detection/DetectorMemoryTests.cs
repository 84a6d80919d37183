using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

[TestClass]
public sealed class DetectorMemoryTests
{
    [TestMethod]
    public void Fit_LeavesAsManyLiveTensorsAfter300StepsAsAfter30()
    {
        // TorchSharp keeps counting one wrapper per parameter after Module.Dispose, so compare two lengths of training.
        var after30 = LiveTensorsLeftByFitAndScoring(steps: 30);
        var after300 = LiveTensorsLeftByFitAndScoring(steps: 300);

        Assert.AreEqual(after30, after300);
    }

    private static long LiveTensorsLeftByFitAndScoring(int steps)
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(40, seed: 1));
        var options = SyntheticBoxes.Options(steps);
        options.Augmentation.Policy = AugmentationPolicy.S4;
        var before = LiveTensors.Settled();
        using (var model = mlContext.Detection().Trainers.TorchDetector(options).Fit(data))
        {
            _ = model.Transform(data).GetColumn<float[]>(DefaultColumnNames.Score).ToList();
        }

        return LiveTensors.Settled() - before;
    }
}
