using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using TorchSharp;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

[TestClass]
public sealed class TorchImageSegmenterTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Fit_LearnsTheSquares_PixelAccuracyWellAboveTheBackgroundRate()
    {
        var mlContext = new MLContext(seed: 1);
        var train = SyntheticScenes.View(mlContext, SyntheticScenes.Rows(96, seed: 1));
        var test = SyntheticScenes.Rows(32, seed: 2);
        var clock = Stopwatch.StartNew();

        using var model = mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 300)).Fit(train);

        TestContext.WriteLine($"300 steps of batch 16 at 1×32×32 in {clock.Elapsed.TotalSeconds:F1} s ({300 / clock.Elapsed.TotalSeconds:F1} steps/s, fit including data reading).");
        var predicted = SyntheticScenes.PredictedMasks(model.Transform(SyntheticScenes.View(mlContext, test)));
        var truth = test.SelectMany(r => r.Mask).ToArray();
        var flat = predicted.SelectMany(m => m).ToArray();
        var accuracy = truth.Zip(flat).Count(p => p.First == p.Second) / (double)truth.Length;
        var background = truth.Count(v => v == 0) / (double)truth.Length;
        var foreground = truth.Zip(flat).Where(p => p.First != 0).ToArray();
        var foregroundAccuracy = foreground.Count(p => p.First == p.Second) / (double)foreground.Length;
        TestContext.WriteLine($"pixel accuracy {accuracy:F3}, all-background rate {background:F3}, accuracy on the squares {foregroundAccuracy:F3}");
        Assert.IsGreaterThan(background + (0.6 * (1 - background)), accuracy, $"accuracy {accuracy:F3}, background rate {background:F3}");
        Assert.IsGreaterThan(0.6, foregroundAccuracy, "the squares are found, with their brightness class");
    }

    [TestMethod]
    public void Transform_AddsPredictedMaskWithTheClassNames_AndConfidence_AsGetOutputSchemaSays()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticScenes.View(mlContext, SyntheticScenes.Rows(8, seed: 1));
        var trainer = mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 2));

        var shape = ShapeCapture.OutputOf(trainer, data);
        using var model = trainer.Fit(data);
        var scored = model.Transform(data);

        var mask = scored.Schema[DefaultColumnNames.PredictedMask];
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Byte, SyntheticScenes.PixelCount), mask.Type);
        CollectionAssert.AreEqual(SyntheticScenes.Classes, SegmentationMasks.TryGetClassNames(mask));
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, SyntheticScenes.PixelCount), scored.Schema[DefaultColumnNames.Confidence].Type);
        var maskShape = shape.Single(c => c.Name == DefaultColumnNames.PredictedMask);
        Assert.AreEqual(NumberDataViewType.Byte, maskShape.ItemType);
        Assert.IsTrue(maskShape.Annotations.Any(a => a.Name == SegmentationMasks.ClassNamesAnnotation));
        var confidenceShape = shape.Single(c => c.Name == DefaultColumnNames.Confidence);
        Assert.AreEqual(NumberDataViewType.Single, confidenceShape.ItemType);
        Assert.IsTrue(shape.Any(c => c.Name == "Mask"), "the input columns pass through");
        var confidence = scored.GetColumn<float[]>(scored.Schema[DefaultColumnNames.Confidence]).SelectMany(c => c).ToArray();
        Assert.IsTrue(confidence.All(c => c is >= 1f / 3 and <= 1), "the top probability of 3 classes");
        CollectionAssert.AreEqual(SyntheticScenes.Classes, model.ClassNames.ToArray());
    }

    [TestMethod]
    public void PredictionEngine_EqualsBatchTransform_AndSaveLoadGivesTheSameOutputs()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticScenes.Rows(40, seed: 3);
        var data = SyntheticScenes.View(mlContext, rows);
        var path = TestArchives.TempPath(TestContext, "segmenter.zip");
        var options = SyntheticScenes.Options(steps: 10);
        options.Optimization.InferenceBatchSize = 16;                  // batches of 16, 16 and 8
        using var model = mlContext.Segmentation().Trainers.TorchSegmenter(options).Fit(data);

        var batch = Outputs(model.Transform(data));
        var engine = mlContext.Model.CreatePredictionEngine<SceneRow, SegmentationOutput>(model, inputSchemaDefinition: SyntheticScenes.Definition(typeof(SceneRow)));
        var single = rows.Select(r => engine.Predict(r)).ToArray();
        model.Save(path);
        using var loaded = TorchImageSegmenterTransformer.Load(new MLContext(seed: 9), path);
        var reloaded = Outputs(loaded.Transform(data));

        for (var i = 0; i < rows.Length; i++)
        {
            CollectionAssert.AreEqual(batch[i].PredictedMask, single[i].PredictedMask, $"row {i}: mask");
            CollectionAssert.AreEqual(batch[i].Confidence, single[i].Confidence, new ToleranceComparer(1e-5f), $"row {i}: confidence");
            CollectionAssert.AreEqual(batch[i].PredictedMask, reloaded[i].PredictedMask, $"row {i}: reloaded mask");
            CollectionAssert.AreEqual(batch[i].Confidence, reloaded[i].Confidence, $"row {i}: reloaded confidence");
        }

        CollectionAssert.AreEqual(SyntheticScenes.Classes, loaded.ClassNames.ToArray());
        Assert.AreEqual("Mask", loaded.MaskColumnName);
        var backbone = TestArchives.TempPath(TestContext, "backbone.zip");
        loaded.SaveBackbone(backbone);
        var fromBackbone = SyntheticScenes.Options(steps: 1);
        fromBackbone.Network.InitialBackbonePath = backbone;
        using var started = mlContext.Segmentation().Trainers.TorchSegmenter(fromBackbone).Fit(data);
    }

    [TestMethod]
    public void Augmentation_MovesTheMasksWithThePixels()
    {
        // Masks equal to the thresholded pixels (bright = 2, dim = 1, else 0) keep that relation through the geometric
        // steps (S1: no photometric step to change the brightness), except where the masks are 255 (brought in from
        // outside the image).
        using var scope = TorchSharp.torch.NewDisposeScope();
        var rows = SyntheticScenes.Rows(16, seed: 4);
        var images = TorchSharp.torch.tensor(rows.SelectMany(r => r.Features).ToArray(), [16, 1, SyntheticScenes.Side, SyntheticScenes.Side]);
        var masks = TorchSharp.torch.tensor(rows.SelectMany(r => r.Mask).ToArray(), [16, SyntheticScenes.Side, SyntheticScenes.Side]);
        var options = new AugmentationOptions { Policy = AugmentationPolicy.S1, HorizontalFlip = true, MaximumRotationDegrees = 20, ScaleJitterMinimum = 0.6, ScaleJitterMaximum = 1.6 };
        using var augmenter = new ImageAugmenter(options, seed: 5);

        using var batch = new SegmentationBatches(images, masks, augmenter).Prepare([.. Enumerable.Range(0, 16)]);

        var pixels = batch.Images.squeeze(1);
        var thresholded = pixels.gt(0.8).to_type(TorchSharp.torch.ScalarType.Int64).mul(2)
            .add(pixels.gt(0.35).logical_and(pixels.le(0.8)).to_type(TorchSharp.torch.ScalarType.Int64));
        var labeled = batch.Masks.ne(255);
        var agreement = thresholded.masked_select(labeled).eq(batch.Masks.masked_select(labeled)).to_type(TorchSharp.torch.ScalarType.Float32).mean().ToDouble();
        Assert.IsGreaterThan(0.97, agreement, "masks stay on their pixels (bilinear edges may differ)");
        Assert.IsTrue(labeled.logical_not().any().ToBoolean(), "the zoom and rotation bring in ignored pixels");
        Assert.IsFalse(batch.Images.allclose(images), "the images moved");
    }

    private static SegmentationOutput[] Outputs(IDataView scored) =>
        [.. new MLContext().Data.CreateEnumerable<SegmentationOutput>(scored, reuseRowObject: false)];

    /// <summary>The two output columns of a scored row.</summary>
    public sealed class SegmentationOutput
    {
        [VectorType(SyntheticScenes.PixelCount)]
        public byte[] PredictedMask { get; set; } = [];

        [VectorType(SyntheticScenes.PixelCount)]
        public float[] Confidence { get; set; } = [];
    }
}
