using Microsoft.ML;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Persistence;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using MLNet.SelfTraining.Vision.Tests.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;
using TorchSharp;

namespace MLNet.SelfTraining.Vision.Tests.Tasks;

/// <summary>
/// Supervised pre-training across tasks: a classifier trained on small object-centric images saves its backbone, and a
/// detector or segmenter on larger scenes starts from it (<see cref="NetworkOptions.InitialBackbonePath"/>).
/// </summary>
[TestClass]
public sealed class CrossTaskBackboneTests
{
    /// <summary>Small enough that one AdamW step moves no weight by more than about this much.</summary>
    private const double NegligibleLearningRate = 1e-9;

    private static readonly BackboneSpec TinySpec = new(BackboneArchitecture.SmallCnn, 1, 8, [2, 2, 2, 2], 0);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Detector_FromAClassifiersBackbone_StartsFromItsWeights()
    {
        var mlContext = new MLContext(seed: 1);
        var pretrained = ClassifierBackbone(mlContext);
        var data = SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(16, seed: 2));

        var started = SavedBackbone(path =>
        {
            using var model = mlContext.Detection().Trainers.TorchDetector(Started(SyntheticBoxes.Options(steps: 1), pretrained)).Fit(data);
            model.SaveBackbone(path);
        });
        var fresh = SavedBackbone(path =>
        {
            using var model = mlContext.Detection().Trainers.TorchDetector(Started(SyntheticBoxes.Options(steps: 1), null)).Fit(data);
            model.SaveBackbone(path);
        });

        AssertSameWeights(pretrained, started, expectSame: true);
        AssertSameWeights(pretrained, fresh, expectSame: false);
    }

    [TestMethod]
    public void Segmenter_FromAClassifiersBackbone_StartsFromItsWeights()
    {
        var mlContext = new MLContext(seed: 1);
        var pretrained = ClassifierBackbone(mlContext);
        var data = SyntheticScenes.View(mlContext, SyntheticScenes.Rows(16, seed: 2));

        var started = SavedBackbone(path =>
        {
            using var model = mlContext.Segmentation().Trainers.TorchSegmenter(Started(SyntheticScenes.Options(steps: 1), pretrained)).Fit(data);
            model.SaveBackbone(path);
        });

        AssertSameWeights(pretrained, started, expectSame: true);
    }

    /// <summary>The backbone archive of the tiny classifier trained for 20 steps on 12×12 images.</summary>
    private string ClassifierBackbone(MLContext mlContext) => SavedBackbone(path =>
    {
        using var classifier = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 20))
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 1)));
        classifier.SaveBackbone(path);
    });

    private string SavedBackbone(Action<string> save)
    {
        var path = TestArchives.TempPath(TestContext, "backbone.zip");
        save(path);
        return path;
    }

    /// <summary>Sets the backbone to start from and a learning rate too small to move it in one step.</summary>
    private static T Started<T>(T options, string? backbone)
        where T : class
    {
        var (network, optimization) = options switch
        {
            TorchObjectDetectorTrainer.Options detector => (detector.Network, detector.Optimization),
            TorchImageSegmenterTrainer.Options segmenter => (segmenter.Network, segmenter.Optimization),
            _ => throw new ArgumentException("A detector's or segmenter's options were expected.", nameof(options)),
        };
        network.InitialBackbonePath = backbone;
        optimization.LearningRate = NegligibleLearningRate;
        return options;
    }

    /// <summary>
    /// Compares the trainable weights of two backbone archives (batch-norm running statistics move in any training
    /// step, so they are left out).
    /// </summary>
    private static void AssertSameWeights(string expectedPath, string actualPath, bool expectSame)
    {
        using var expected = Loaded(expectedPath);
        using var actual = Loaded(actualPath);
        var actualParameters = actual.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var largest = expected.named_parameters().Max(p => (p.parameter - actualParameters[p.name]).abs().max().ToDouble());
        if (expectSame)
        {
            Assert.IsLessThan(1e-6, largest, "every weight is the pre-trained backbone's");
        }
        else
        {
            Assert.IsGreaterThan(1e-3, largest, "a backbone trained without the option does not start from the pre-trained one");
        }
    }

    private static Backbone Loaded(string path)
    {
        var backbone = BackboneFactory.Create(TinySpec);
        BackboneArchive.Load(path, backbone, "path", nameof(CrossTaskBackboneTests));
        return backbone;
    }
}
