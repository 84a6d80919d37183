using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models.Blocks;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Engine;

/// <summary>
/// The training and scoring hot paths while another thread collects garbage without pause. TorchSharp 0.107 frees a
/// <c>Scalar</c> made from a number in its finalizer and does not keep it alive during the native call that reads it;
/// before the library kept its Scalars alive, these loops failed within a second with libtorch's <c>Unknown scalar
/// type</c> or <c>Expected false to be true … Scalar.h</c> (<c>docs/torchsharp-pitfalls.md</c>). Left out: what makes
/// such Scalars inside TorchSharp and TorchVision (BatchNorm's training forward, the optimizers' steps, the photometric
/// policies of S2 to S4), which this library cannot change.
/// </summary>
[TestClass]
public sealed class ScalarLifetimeTests
{
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(1);

    [TestMethod]
    public void DetectionLossAndDecoding_SurviveCollectionsOnAnotherThread()
    {
        using var tensors = NewDisposeScope();                                          // no tensor left to a later test's finalizer
        manual_seed(1);
        using var outputs = randn(2, 2 + 4, 8, 8);
        using var targets = CenterNetTargets.Build(
            [.. Enumerable.Range(0, 2).Select(_ => tensor(new[] { 2f, 2, 14, 10, 10, 12, 30, 30 }, [2, 4]))],
            [.. Enumerable.Range(0, 2).Select(_ => tensor(new[] { 0L, 1 }))], classCount: 2, height: 8, width: 8, stride: 4);
        var loss = new DetectionLoss(new LossNormalizer());
        var decoder = new DetectionDecoder(new DetectionDecoding(0.3f, 0.5f, 100), stride: 4, imageHeight: 32, imageWidth: 32);

        var calls = CollectingThread.Run(s_duration, () =>
        {
            using var scope = NewDisposeScope();
            loss.Compute(outputs, targets, ones(2), humanCount: 1);
            decoder.Decode(outputs, classCount: 2);
        });

        Assert.IsGreaterThan(0, calls);
    }

    [TestMethod]
    public void SegmentationAndClassificationLosses_SurviveCollectionsOnAnotherThread()
    {
        using var tensors = NewDisposeScope();                                          // no tensor left to a later test's finalizer
        manual_seed(1);
        using var logits = randn(2, 3, 8, 8);
        using var masks = randint(0, 3, [2, 8, 8], dtype: ScalarType.Int64);
        using var classLogits = randn(8, 10);
        using var classes = randint(0, 10, [8], dtype: ScalarType.Int64);
        var segmentation = new SegmentationLoss(new LossNormalizer());
        var classification = new ClassificationLoss(new LossNormalizer());

        var calls = CollectingThread.Run(s_duration, () =>
        {
            using var scope = NewDisposeScope();
            segmentation.Compute(logits, masks, ones(2), humanCount: 1);
            classification.Compute(classLogits, classes, ones(8), humanCount: 4, keep: ones(8));
        });

        Assert.IsGreaterThan(0, calls);
    }

    [TestMethod]
    public void AugmentationStochasticDepthAndWeightAveraging_SurviveCollectionsOnAnotherThread()
    {
        using var tensors = NewDisposeScope();                                          // no tensor left to a later test's finalizer
        manual_seed(1);
        using var images = rand(2, 3, 16, 16);
        var target = new BoxTarget(
            [.. Enumerable.Range(0, 2).Select(_ => tensor(new[] { 2f, 3, 10, 11, 5, 5, 15, 15 }, [2, 4]))],
            [.. Enumerable.Range(0, 2).Select(_ => tensor(new[] { 0L, 1 }))]);
        var options = new AugmentationOptions { Policy = AugmentationPolicy.S1, ScaleJitterMinimum = 0.5, ScaleJitterMaximum = 2.0 };
        using var augmenter = new ImageAugmenter(options, seed: 2);
        using var drop = new RowStochasticDepth(0.2);
        using var module = nn.Linear(16, 16);
        using var average = new WeightAverage(module, decay: 0.999);

        var calls = CollectingThread.Run(s_duration, () =>
        {
            using var scope = NewDisposeScope();
            var (augmented, _) = augmenter.Apply(images, target);
            drop.forward(augmented);
            average.Update(module);
        });

        Assert.IsGreaterThan(0, calls);
    }
}
