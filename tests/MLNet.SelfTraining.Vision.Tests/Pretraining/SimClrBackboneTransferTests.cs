using Microsoft.ML;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using MLNet.SelfTraining.Vision.Tests.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Pretraining;

[TestClass]
public sealed class SimClrBackboneTransferTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void SaveBackbone_WritesABackboneArchive()
    {
        var path = SavedBackbone(new MLContext(seed: 1));

        CollectionAssert.AreEquivalent(new[] { "manifest.json", "weights.bin" }, TestArchives.Entries(path));
        var json = TestArchives.Manifest(path);
        StringAssert.Contains(json, "\"format\": \"MLNet.SelfTraining.Vision.Backbone\"");
        StringAssert.Contains(json, "\"architecture\": \"SmallCnn\"");
        StringAssert.Contains(json, "\"baseWidth\": 8");
    }

    [TestMethod]
    public void Classifier_FromTheSavedBackbone_StartsWithThePretrainedFeatures()
    {
        var mlContext = new MLContext(seed: 1);
        var data = TinySimClr.Images(mlContext);
        var path = TestArchives.TempPath(TestContext, "backbone.zip");
        using var pretrained = TinySimClr.Fit(mlContext, TinySimClr.Options(steps: 10), data);
        pretrained.SaveBackbone(path);
        var embeddings = TinySimClr.Embeddings(pretrained.Transform(data));
        var options = TinyClassifier.Options(steps: 1);
        options.Network.InitialBackbonePath = path;
        var trainer = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options);

        using var started = trainer.CreateNetwork(ImageNetworkSpec.From(options.Network, classCount: 3));
        started.eval();
        using var images = tensor(SyntheticImages.Rows(48, seed: 1).SelectMany(r => r.Features).ToArray(), [48, 1, SyntheticImages.Side, SyntheticImages.Side]);
        using var pooled = started.Backbone.forward(images).mean([2, 3]);

        CollectionAssert.AreEqual(embeddings.SelectMany(e => e).ToArray(), pooled.data<float>().ToArray(), new ToleranceComparer(1e-5f),
            "the classifier's backbone computes the pre-trained embedding (weights and batch-norm statistics)");
        using var model = trainer.Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(30, seed: 2)));
    }

    [TestMethod]
    public void SegmenterAndDetector_FromTheSavedBackbone_Train()
    {
        var mlContext = new MLContext(seed: 1);
        var path = SavedBackbone(mlContext);
        var segmenter = SyntheticScenes.Options(steps: 1);
        segmenter.Network.InitialBackbonePath = path;
        var detector = SyntheticBoxes.Options(steps: 1);
        detector.Network.InitialBackbonePath = path;

        using var segmentation = mlContext.Segmentation().Trainers.TorchSegmenter(segmenter)
            .Fit(SyntheticScenes.View(mlContext, SyntheticScenes.Rows(8, seed: 1)));
        using var detection = mlContext.Detection().Trainers.TorchDetector(detector)
            .Fit(SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(8, seed: 1)));

        CollectionAssert.AreEqual(SyntheticScenes.Classes, segmentation.ClassNames.ToArray());
        CollectionAssert.AreEqual(SyntheticBoxes.Classes, detection.ClassNames.ToArray());
    }

    [TestMethod]
    public void Classifier_FromABackboneOfAnotherWidth_NamesTheOptionExpectedAndGot()
    {
        var mlContext = new MLContext(seed: 1);
        var options = TinyClassifier.Options(steps: 1);
        options.Network.InitialBackbonePath = SavedBackbone(mlContext);
        options.Network.BaseWidth = 16;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, options).Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1))));

        Assert.AreEqual("Network.InitialBackbonePath", error.ParamName);
        StringAssert.Contains(error.Message, "expected SmallCnn, 1 channel, width 16, got SmallCnn, 1 channel, width 8");
    }

    [TestMethod]
    public void SimClr_FromASavedBackboneOfItsWidth_Trains_AndOfAnotherWidth_NamesTheOptionExpectedAndGot()
    {
        var mlContext = new MLContext(seed: 1);
        var path = SavedBackbone(mlContext);
        var options = TinySimClr.Options(steps: 1);
        options.Network.InitialBackbonePath = path;
        using var continued = TinySimClr.Fit(mlContext, options);
        var other = TinySimClr.Options(steps: 1);
        other.Network.InitialBackbonePath = path;
        other.Network.BaseWidth = 4;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TinySimClr.Fit(mlContext, other));

        StringAssert.Contains(error.Message, "the 'Network.InitialBackbonePath' option of TorchSimClrEstimator");
        StringAssert.Contains(error.Message, "expected SmallCnn, 1 channel, width 4, got SmallCnn, 1 channel, width 8");
    }

    /// <summary>Pre-trains the tiny SimCLR backbone for a few steps and saves it; returns the file.</summary>
    private string SavedBackbone(MLContext mlContext)
    {
        var path = TestArchives.TempPath(TestContext, "backbone.zip");
        using var model = TinySimClr.Fit(mlContext, TinySimClr.Options(steps: 3));
        model.SaveBackbone(path);
        return path;
    }
}
