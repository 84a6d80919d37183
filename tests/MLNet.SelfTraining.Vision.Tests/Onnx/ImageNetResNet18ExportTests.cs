using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

/// <summary>Students on the ImageNet ResNet-18 (its input convention inside the network) export to plain ML.NET zips
/// that score as the TorchSharp transformers.</summary>
[TestClass]
public sealed class ImageNetResNet18ExportTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Classifier_OnRgbImages_SavedAsAPlainModel_ScoresAsTheTorchSharpClassifier()
    {
        var zipPath = OnnxTestModels.TempPath(".zip");
        var mlContext = new MLContext(seed: 1);
        var images = OnnxTestImageNet.Images(mlContext, 12, channels: 3, side: 64, seed: 1);
        TorchSharpResult expected;
        using (var classifier = OnnxTestImageNet.Classifier(channels: 3, side: 64))
        {
            var scored = classifier.Transform(images);
            expected = new TorchSharpResult(OnnxTestModels.Scores(scored), OnnxTestModels.Keys(scored), 0);
            classifier.SaveAsMLNetModel(mlContext, zipPath);
        }

        try
        {
            var fresh = new MLContext(seed: 2);
            var model = fresh.Model.Load(zipPath, out _);
            var reloaded = model.Transform(OnnxTestImageNet.Images(fresh, 12, channels: 3, side: 64, seed: 1));

            var scores = OnnxTestModels.Scores(reloaded);
            var difference = OnnxTestSegmenters.MaxDifference(expected.Scores, scores);
            TestContext.WriteLine($"classifier: max |score difference| {difference:E2} over {scores.Length} images");
            Assert.IsLessThanOrEqualTo(1e-4f, difference);
            CollectionAssert.AreEqual(expected.Keys, OnnxTestModels.Keys(reloaded));
            Assert.IsGreaterThan(1, expected.Keys.Distinct().Count(), "the images must not all get one class");
            (model as IDisposable)?.Dispose();
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    [TestMethod]
    public void Segmenter_OnGreyImages_SavedAsAPlainModel_ScoresAsTheTorchSharpSegmenter()
    {
        var zipPath = OnnxTestModels.TempPath(".zip");
        var mlContext = new MLContext(seed: 1);
        var images = OnnxTestImageNet.Images(mlContext, 6, channels: 1, side: 64, seed: 2);
        byte[][] masks;
        float[][] confidences;
        using (var segmenter = OnnxTestImageNet.Segmenter(channels: 1, side: 64))
        {
            (masks, confidences) = OnnxTestSegmenters.Outputs(segmenter.Transform(images));
            segmenter.SaveAsMLNetModel(mlContext, zipPath);
        }

        try
        {
            var fresh = new MLContext(seed: 2);
            var model = fresh.Model.Load(zipPath, out _);
            var (onnxMasks, onnxConfidences) = OnnxTestSegmenters.Outputs(model.Transform(OnnxTestImageNet.Images(fresh, 6, channels: 1, side: 64, seed: 2)));

            var difference = OnnxTestSegmenters.MaxDifference(confidences, onnxConfidences);
            TestContext.WriteLine($"segmenter: max |confidence difference| {difference:E2} over {masks.Length} images");
            Assert.IsLessThanOrEqualTo(1e-4f, difference);
            for (var row = 0; row < masks.Length; row++)
            {
                CollectionAssert.AreEqual(masks[row], onnxMasks[row], $"row {row}");
            }

            Assert.IsGreaterThan(1, masks.SelectMany(mask => mask).Distinct().Count(), "the masks must not be one class everywhere");
            (model as IDisposable)?.Dispose();
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    [TestMethod]
    public void Detector_OnRgbImages_SavedAsAPlainModel_DetectsAsTheTorchSharpDetector()
    {
        var zipPath = OnnxTestModels.TempPath(".zip");
        var mlContext = new MLContext(seed: 1);
        var images = OnnxTestImageNet.Images(mlContext, 6, channels: 3, side: 96, seed: 3);
        Detections[] expected;
        using (var detector = OnnxTestImageNet.Detector(channels: 3, side: 96, cap: 4))
        {
            expected = SyntheticBoxes.Detect(detector.Transform(images));
            detector.SaveAsMLNetModel(mlContext, zipPath);
        }

        try
        {
            var fresh = new MLContext(seed: 2);
            var model = fresh.Model.Load(zipPath, out _);
            var reloaded = model.Transform(OnnxTestImageNet.Images(fresh, 6, channels: 3, side: 96, seed: 3));

            var difference = OnnxTestDetectors.AssertSame(expected, SyntheticBoxes.Detect(reloaded), 1e-4f);
            TestContext.WriteLine($"detector: {expected.Sum(found => found.Score.Length)} boxes on {expected.Length} images; max |score or corner difference| {difference:E2}");
            Assert.IsTrue(expected.Any(found => found.Score.Length == 4), "some image reaches the cap of 4 boxes");
            Assert.IsTrue(expected.All(found => found.Score.Length > 0), "every image has boxes to compare");
            (model as IDisposable)?.Dispose();
        }
        finally
        {
            File.Delete(zipPath);
        }
    }
}
