using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Engine;

[TestClass]
public sealed class TrainingMemoryTests
{
    [TestMethod]
    [DataRow(false, DisplayName = "plain")]
    [DataRow(true, DisplayName = "weight average and confidence mask")]
    public void TrainingLoop_KeepsTheLiveTensorCountFlatOver300Steps(bool averageAndMask)
    {
        manual_seed(1);
        using var network = ClassifierNetwork.Create(new ImageNetworkSpec(BackboneArchitecture.SmallCnn, 1, 12, 12, 3, 8, [1], 0.2, 0.1));
        using var images = rand(32, 1, 12, 12);
        using var labels = randint(3, [32]);
        using var augmenter = new ImageAugmenter(new AugmentationOptions { Policy = AugmentationPolicy.S1 }, seed: 1);
        var loss = new ClassificationLoss(new LossNormalizer());
        using var channel = ((IHostEnvironment)new MLContext()).Register("test").Start("test");
        var settings = new TrainingSettings(TorchOptimizer.AdamW, 0.01, 0.9, true, 0.01, TotalSteps: 300, WarmupSteps: 10,
            StepsPerEpoch: 100, CancellationToken.None);
        using var average = averageAndMask ? new WeightAverage(network, 0.99) : null;
        var liveAtStep = new long[300];

        new TrainingLoop(settings, channel).Run(network, step =>
        {
            liveAtStep[step] = Tensor.TotalCount;
            var keep = averageAndMask ? rand(32).ge(0.5).to_type(ScalarType.Float32) : null;
            return (loss.Compute(network.forward(augmenter.Apply(images)), labels, null, humanCount: 16, keep), 32);
        }, average);

        Assert.AreEqual(liveAtStep[10], liveAtStep[299], $"live tensors at step 10: {liveAtStep[10]}, at step 299: {liveAtStep[299]}");
    }

    [TestMethod]
    public void Fit_LeavesAsManyLiveTensorsAfter300StepsAsAfter30() => LiveTensors.AssertFlatOverSteps(steps =>
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 1));
        var options = TinyClassifier.Options(steps);
        options.Augmentation.Policy = AugmentationPolicy.S3;
        using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(data);
        mlContext.Data.CreateEnumerable<ScoreRow>(model.Transform(data), reuseRowObject: false).ToList();
    });

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }
}
