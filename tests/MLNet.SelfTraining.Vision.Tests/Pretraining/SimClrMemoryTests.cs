using Microsoft.ML;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Pretraining;

[TestClass]
public sealed class SimClrMemoryTests
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
        var data = TinySimClr.Images(mlContext);
        var options = TinySimClr.Options(steps);
        options.Augmentation.Policy = AugmentationPolicy.S4;
        options.Optimization.WeightAverageDecay = 0.99;
        var before = LiveTensors.Settled();
        using (var model = TinySimClr.Fit(mlContext, options, data))
        {
            _ = TinySimClr.Embeddings(model.Transform(data));
        }

        return LiveTensors.Settled() - before;
    }
}
