using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

[TestClass]
public sealed class SegmenterMLNetModelTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn)]
    [DataRow(BackboneArchitecture.ResNet)]
    public void SavedPlainSegmenter_ReloadedWithoutTheOnnxFile_ScoresAsTheTorchSharpSegmenter(BackboneArchitecture architecture)
    {
        var onnxPath = OnnxTestModels.TempPath(".onnx");
        var zipPath = OnnxTestModels.TempPath(".zip");
        var mlContext = new MLContext(seed: 1);
        var rows = OnnxTestSegmenters.TestRows();
        byte[][] masks;
        float[][] confidences;
        double meanIoU;
        using (var segmenter = OnnxTestSegmenters.Scenes(mlContext, architecture))
        {
            var scored = segmenter.Transform(SyntheticScenes.View(mlContext, rows));
            (masks, confidences) = OnnxTestSegmenters.Outputs(scored);
            meanIoU = mlContext.Segmentation().Evaluate(scored).MeanIoU;
            segmenter.ExportOnnx(onnxPath);
            segmenter.SaveAsMLNetModel(mlContext, zipPath);
        }

        try
        {
            File.Delete(onnxPath);
            var fresh = new MLContext(seed: 2);
            var model = fresh.Model.Load(zipPath, out var inputSchema);
            var reloaded = model.Transform(SyntheticScenes.View(fresh, rows));
            var (onnxMasks, onnxConfidences) = OnnxTestSegmenters.Outputs(reloaded);

            var difference = OnnxTestSegmenters.MaxDifference(confidences, onnxConfidences);
            TestContext.WriteLine($"{architecture}: max |confidence difference| {difference:E2} over {rows.Length} scenes; mean IoU {meanIoU:F4}");
            Assert.IsLessThanOrEqualTo(1e-4f, difference);
            for (var row = 0; row < rows.Length; row++)
            {
                CollectionAssert.AreEqual(masks[row], onnxMasks[row], $"row {row}");
            }

            Assert.AreEqual(meanIoU, fresh.Segmentation().Evaluate(reloaded).MeanIoU);
            Assert.AreEqual("Features", inputSchema.Single().Name);
            Assert.IsGreaterThan(0.3, meanIoU, "the test must see a trained segmenter");
            (model as IDisposable)?.Dispose();
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    [TestMethod]
    public void PlainSegmenter_HasTheSegmentersColumnTypes_AndAPredictionEngine()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = OnnxTestSegmenters.TestRows();
        var view = SyntheticScenes.View(mlContext, rows);
        using var segmenter = OnnxTestSegmenters.Scenes(mlContext, BackboneArchitecture.SmallCnn);
        var model = segmenter.ToMLNetModel(mlContext);

        var torchSchema = segmenter.GetOutputSchema(view.Schema);
        var schema = model.GetOutputSchema(view.Schema);
        Assert.AreEqual(torchSchema[DefaultColumnNames.PredictedMask].Type, schema[DefaultColumnNames.PredictedMask].Type);
        Assert.AreEqual(torchSchema[DefaultColumnNames.Confidence].Type, schema[DefaultColumnNames.Confidence].Type);
        Assert.IsNull(SegmentationMasks.TryGetClassNames(schema[DefaultColumnNames.PredictedMask]), "documented: no public transform attaches the class names");

        var engine = mlContext.Model.CreatePredictionEngine<SceneRow, MaskPrediction>(model, inputSchemaDefinition: SyntheticScenes.Definition(typeof(SceneRow)));
        var (masks, confidences) = OnnxTestSegmenters.Outputs(segmenter.Transform(view));
        for (var row = 0; row < 4; row++)
        {
            var prediction = engine.Predict(rows[row]);
            CollectionAssert.AreEqual(masks[row], prediction.PredictedMask, $"row {row}");
            Assert.IsLessThanOrEqualTo(1e-4f, OnnxTestSegmenters.MaxDifference([confidences[row]], [prediction.Confidence]), $"row {row}");
        }

        (model as IDisposable)?.Dispose();
    }

    [TestMethod]
    public void NonFinitePixel_GivesTheIgnoreMaskAndNaNConfidences_AsTheTorchSharpSegmenter()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticScenes.Rows(5, seed: 3);
        rows[1].Features[40] = float.NaN;
        rows[3].Features[0] = float.NegativeInfinity;
        var view = SyntheticScenes.View(mlContext, rows);
        using var segmenter = mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 3))
            .Fit(SyntheticScenes.View(mlContext, SyntheticScenes.Rows(16, seed: 1)));
        var model = segmenter.ToMLNetModel(mlContext);

        var (onnxMasks, onnxConfidences) = OnnxTestSegmenters.Outputs(model.Transform(view));
        var (masks, _) = OnnxTestSegmenters.Outputs(segmenter.Transform(view));

        foreach (var row in new[] { 1, 3 })
        {
            CollectionAssert.AreEqual(masks[row], onnxMasks[row], $"row {row}");
            Assert.IsTrue(onnxMasks[row].All(value => value == SegmentationMasks.Ignore), $"row {row}: 255 everywhere");
            Assert.IsTrue(onnxConfidences[row].All(float.IsNaN), $"row {row}: NaN everywhere");
        }

        Assert.IsTrue(onnxConfidences[0].All(float.IsFinite) && onnxMasks[0].All(value => value < SyntheticScenes.Classes.Length));
        (model as IDisposable)?.Dispose();
    }

    private sealed class MaskPrediction
    {
        [VectorType(SyntheticScenes.PixelCount)]
        public byte[] PredictedMask { get; set; } = [];

        [VectorType(SyntheticScenes.PixelCount)]
        public float[] Confidence { get; set; } = [];
    }
}
