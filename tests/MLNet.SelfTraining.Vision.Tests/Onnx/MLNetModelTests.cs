using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

[TestClass]
public sealed class MLNetModelTests
{
    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn)]
    [DataRow(BackboneArchitecture.ResNet)]
    public void SavedPlainModel_ReloadedInAFreshContext_ScoresAsTheTorchSharpClassifier(BackboneArchitecture architecture)
    {
        var path = OnnxTestModels.TempPath(".zip");
        var expected = OnnxTestModels.SaveDigitClassifier(architecture, path);

        try
        {
            var fresh = new MLContext(seed: 2);
            var model = fresh.Model.Load(path, out var inputSchema);
            var reloaded = model.Transform(OnnxTestModels.TestDigits(fresh));

            var scores = OnnxTestModels.Scores(reloaded);
            for (var row = 0; row < scores.Length; row++)
            {
                CollectionAssert.AreEqual(expected.Scores[row], scores[row], new ToleranceComparer(1e-4f), $"row {row}");
            }

            CollectionAssert.AreEqual(expected.Keys, OnnxTestModels.Keys(reloaded));
            Assert.AreEqual(expected.Accuracy, fresh.MulticlassClassification.Evaluate(reloaded).MicroAccuracy);
            Assert.AreEqual("Features", inputSchema.Single().Name);
            Assert.IsTrue(expected.Accuracy > 0.3, $"the test must see a trained classifier (accuracy {expected.Accuracy:P1})");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void PlainModel_HasTheClassifiersColumns_AndAPredictionEngine()
    {
        var mlContext = new MLContext(seed: 1);
        var test = OnnxTestModels.TestDigits(mlContext);
        using var classifier = OnnxTestModels.Digits(mlContext, BackboneArchitecture.SmallCnn);
        var model = classifier.ToMLNetModel(mlContext);

        var schema = model.GetOutputSchema(test.Schema);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 10), schema["PredictedLabel"].Type);
        Assert.AreEqual(classifier.GetOutputSchema(test.Schema)["Score"].Type, schema["Score"].Type, "Vector<Single, 10>, not (1, 10)");
        var keyValues = default(VBuffer<ReadOnlyMemory<char>>);
        schema["PredictedLabel"].GetKeyValues(ref keyValues);
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(digit => $"{digit}").ToArray(), keyValues.DenseValues().Select(v => v.ToString()).ToArray());
        Assert.IsNull(schema.GetColumnOrNull("PredictedClassIndex"), "the ONNX model's class index is an internal column");

        var image = test.GetColumn<float[]>("Features").First();
        var engine = mlContext.Model.CreatePredictionEngine<Digit, Prediction>(model);
        var prediction = engine.Predict(new Digit { Features = image });
        var expected = classifier.Transform(test);
        Assert.AreEqual(OnnxTestModels.Keys(expected)[0], prediction.PredictedLabel);
        CollectionAssert.AreEqual(OnnxTestModels.Scores(expected)[0], prediction.Score, new ToleranceComparer(1e-4f));
        (model as IDisposable)?.Dispose();
    }

    [TestMethod]
    public void NonFinitePixel_GivesNaNScoresAndTheMissingKey_AsTheTorchSharpClassifier()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticImages.Rows(6, seed: 3);
        rows[1].Features[5] = float.NaN;
        rows[4].Features[0] = float.PositiveInfinity;
        using var classifier = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 3))
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(30, seed: 1)));
        var view = SyntheticImages.KeyedView(mlContext, rows);
        var model = classifier.ToMLNetModel(mlContext);

        var onnx = model.Transform(view);
        var torch = classifier.Transform(view);

        CollectionAssert.AreEqual(OnnxTestModels.Keys(torch), OnnxTestModels.Keys(onnx));
        CollectionAssert.AreEqual(new uint[] { 0, 0 }, new[] { OnnxTestModels.Keys(onnx)[1], OnnxTestModels.Keys(onnx)[4] });
        Assert.IsTrue(OnnxTestModels.Scores(onnx)[1].All(float.IsNaN) && OnnxTestModels.Scores(onnx)[4].All(float.IsNaN));
        Assert.IsTrue(OnnxTestModels.Scores(onnx)[0].All(float.IsFinite));
        (model as IDisposable)?.Dispose();
    }

    [TestMethod]
    public void ModelSaveOnTheTorchSharpClassifier_NamesThePlainModelAlternative()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1));
        using var classifier = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 1)).Fit(data);
        using var stream = new MemoryStream();

        var error = Assert.ThrowsExactly<NotSupportedException>(() => mlContext.Model.Save(classifier, data.Schema, stream));

        StringAssert.Contains(error.Message, "SaveAsMLNetModel(mlContext, path)");
    }

    private sealed class Digit
    {
        [VectorType(784)]
        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        public uint PredictedLabel { get; set; }

        public float[] Score { get; set; } = [];
    }
}
