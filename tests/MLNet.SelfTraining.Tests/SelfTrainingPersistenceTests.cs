using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests;

[TestClass]
public sealed class SelfTrainingPersistenceTests
{
    [TestMethod]
    public void Save_WritesAPlainMLNetModel_ThatLoadsBackAndPredictsTheSame()
    {
        var ml = new MLContext(seed: 1);
        var labeled = ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1));
        var unlabeled = ml.Data.LoadFromEnumerable(Blobs.Make(50, seed: 2));
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml), unlabeled, maximumIterations: 2).Fit(labeled);
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "model.zip");

        ml.Model.Save(model, labeled.Schema, path);
        var loaded = new MLContext().Model.Load(path, out _);

        Assert.IsInstanceOfType<TransformerChain<ITransformer>>(loaded);
        using (var zip = ZipFile.OpenRead(path))
        {
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                Assert.DoesNotContain("MLNet.SelfTraining", reader.ReadToEnd(), $"zip entry {entry.FullName} refers to this library");
            }
        }

        var test = ml.Data.LoadFromEnumerable(Blobs.Make(20, seed: 3));
        CollectionAssert.AreEqual(SelfTrainingEstimatorTests.Scores(model, test), SelfTrainingEstimatorTests.Scores(loaded, test));
    }

    [TestMethod]
    public void PredictionEngine_Works()
    {
        var ml = new MLContext(seed: 1);
        var labeled = ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1));
        var unlabeled = ml.Data.LoadFromEnumerable(Blobs.Make(50, seed: 2));
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml), unlabeled, maximumIterations: 1).Fit(labeled);
        var keyToValue = ml.Transforms.Conversion.MapKeyToValue("PredictedLabel").Fit(model.Transform(labeled));
        var engine = ml.Model.CreatePredictionEngine<Blobs.Row, Prediction>(model.Append(keyToValue));

        var prediction = engine.Predict(new Blobs.Row { Features = [6f, 0f] });
        Assert.AreEqual("c", prediction.PredictedLabel);
        Assert.HasCount(3, prediction.Score);
    }

    internal sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];
    }
}
