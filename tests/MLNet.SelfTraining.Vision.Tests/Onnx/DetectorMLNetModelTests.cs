using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

[TestClass]
public sealed class DetectorMLNetModelTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn)]
    [DataRow(BackboneArchitecture.ResNet)]
    public void SavedPlainDetector_ReloadedWithoutTheOnnxFile_DetectsAsTheTorchSharpDetector(BackboneArchitecture architecture)
    {
        var onnxPath = OnnxTestModels.TempPath(".onnx");
        var zipPath = OnnxTestModels.TempPath(".zip");
        var mlContext = new MLContext(seed: 1);
        var rows = OnnxTestDetectors.TestRows();
        Detections[] expected;
        double averagePrecision;
        using (var detector = OnnxTestDetectors.Scenes(mlContext, architecture))
        {
            var scored = detector.Transform(SyntheticBoxes.View(mlContext, rows));
            expected = SyntheticBoxes.Detect(scored);
            averagePrecision = mlContext.Detection().Evaluate(scored).AveragePrecision;
            detector.ExportOnnx(onnxPath);
            detector.SaveAsMLNetModel(mlContext, zipPath);
        }

        try
        {
            File.Delete(onnxPath);
            var fresh = new MLContext(seed: 2);
            var model = fresh.Model.Load(zipPath, out var inputSchema);
            var reloaded = model.Transform(SyntheticBoxes.View(fresh, rows));

            var difference = OnnxTestDetectors.AssertSame(expected, SyntheticBoxes.Detect(reloaded), 1e-4f);
            var boxes = expected.Sum(found => found.Score.Length);
            TestContext.WriteLine($"{architecture}: {boxes} boxes on {rows.Length} scenes; max |score or corner difference| {difference:E2}; AP {averagePrecision:F4}");
            Assert.AreEqual(averagePrecision, fresh.Detection().Evaluate(reloaded).AveragePrecision);
            Assert.AreEqual("Features", inputSchema.Single().Name);
            Assert.IsTrue(expected.Any(found => found.Score.Length == 5), "some image reaches the cap of 5 boxes");
            Assert.IsTrue(expected.Any(found => found.Score.Length < 5), "some image has fewer boxes than the cap");
            Assert.IsGreaterThan(0.05, averagePrecision, "the test must see a trained detector");
            (model as IDisposable)?.Dispose();
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    [TestMethod]
    public void PlainDetector_HasTheDetectorsColumnTypesAndKeyValues_AndAPredictionEngine()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = OnnxTestDetectors.TestRows();
        var view = SyntheticBoxes.View(mlContext, rows);
        using var detector = OnnxTestDetectors.Scenes(mlContext, BackboneArchitecture.SmallCnn);
        var model = detector.ToMLNetModel(mlContext);

        var torchSchema = detector.GetOutputSchema(view.Schema);
        var schema = model.GetOutputSchema(view.Schema);
        foreach (var column in new[] { DefaultColumnNames.PredictedLabel, DefaultColumnNames.Score, DefaultColumnNames.PredictedBoundingBoxes })
        {
            Assert.AreEqual(torchSchema[column].Type, schema[column].Type, column);
        }

        var keyValues = default(VBuffer<ReadOnlyMemory<char>>);
        schema[DefaultColumnNames.PredictedLabel].GetKeyValues(ref keyValues);
        CollectionAssert.AreEqual(SyntheticBoxes.Classes, keyValues.DenseValues().Select(value => value.ToString()).ToArray());

        var engine = mlContext.Model.CreatePredictionEngine<BoxRow, Detections>(model, inputSchemaDefinition: SyntheticBoxes.Definition(typeof(BoxRow)));
        var expected = SyntheticBoxes.Detect(detector.Transform(view));
        OnnxTestDetectors.AssertSame(expected[..6], [.. rows[..6].Select(row => Copy(engine.Predict(row)))], 1e-4f);
        (model as IDisposable)?.Dispose();
    }

    [TestMethod]
    public void NonFinitePixel_GivesTheMissingKeyAndNaNs_AsTheTorchSharpDetector()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticBoxes.Rows(5, seed: 3);
        rows[1].Features[40] = float.NaN;
        rows[3].Features[0] = float.PositiveInfinity;
        var view = SyntheticBoxes.View(mlContext, rows);
        // A trained detector: an untrained one's heatmap is flat within float rounding, so which cells are 3×3 peaks
        // depends on the last bit of each heat value, which ONNX Runtime and libtorch need not share.
        using var detector = OnnxTestDetectors.Scenes(mlContext, BackboneArchitecture.SmallCnn);
        var model = detector.ToMLNetModel(mlContext);

        var onnx = SyntheticBoxes.Detect(model.Transform(view));
        OnnxTestDetectors.AssertSame(SyntheticBoxes.Detect(detector.Transform(view)), onnx, 1e-4f);

        foreach (var row in new[] { 1, 3 })
        {
            CollectionAssert.AreEqual(new uint[] { 0 }, onnx[row].PredictedLabel, $"row {row}");
            Assert.IsTrue(onnx[row].Score.Single() is float.NaN && onnx[row].PredictedBoundingBoxes.Length == 4 && onnx[row].PredictedBoundingBoxes.All(float.IsNaN));
        }

        (model as IDisposable)?.Dispose();
    }

    /// <summary>A prediction engine reuses its output object's arrays: copy them before the next prediction.</summary>
    private static Detections Copy(Detections found) => new()
    {
        PredictedLabel = [.. found.PredictedLabel],
        Score = [.. found.Score],
        PredictedBoundingBoxes = [.. found.PredictedBoundingBoxes],
    };
}
