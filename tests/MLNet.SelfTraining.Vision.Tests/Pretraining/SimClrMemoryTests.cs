using Microsoft.ML;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Pretraining;

[TestClass]
public sealed class SimClrMemoryTests
{
    [TestMethod]
    public void Fit_LeavesAsManyLiveTensorsAfter300StepsAsAfter30() => LiveTensors.AssertFlatOverSteps(steps =>
    {
        var mlContext = new MLContext(seed: 1);
        var data = TinySimClr.Images(mlContext);
        var options = TinySimClr.Options(steps);
        options.Augmentation.Policy = AugmentationPolicy.S4;
        options.Optimization.WeightAverageDecay = 0.99;
        using var model = TinySimClr.Fit(mlContext, options, data);
        _ = TinySimClr.Embeddings(model.Transform(data));
    });
}
