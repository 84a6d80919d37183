using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Schema;
using MLNet.SelfTraining.Vision.Pretraining;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Pretraining;

[TestClass]
public sealed class TorchSimClrTransformerTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void EstimatorAndTransformer_AddAnEmbeddingOfTheBackbonesOutputChannels()
    {
        var mlContext = new MLContext(seed: 1);
        var data = TinySimClr.Images(mlContext, count: 8);
        var estimator = mlContext.Transforms.SimClrImageEmbedding(mlContext, TinySimClr.Options(steps: 1));
        var shape = estimator.GetOutputSchema(ShapeColumns.Of(data.Schema));

        using var model = estimator.Fit(data);
        var schema = model.GetOutputSchema(data.Schema);

        var column = shape.Single(c => c.Name == "Embedding");
        Assert.IsTrue(column.Kind == SchemaShape.Column.VectorKind.Vector
            && column.ItemType == NumberDataViewType.Single, $"shape: {column.Kind} of {column.ItemType}");
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 16), schema["Embedding"].Type, "2 × width 8 channels");
        Assert.AreEqual(16, model.EmbeddingSize);
        Assert.IsNotNull(schema.GetColumnOrNull("Label"), "input columns pass through");
        Assert.IsTrue(model.IsRowToRowMapper);
    }

    [TestMethod]
    public void PredictionEngine_AgreesWithTheBatchedTransform_AndANaNImageGetsANaNEmbedding()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticImages.Rows(20, seed: 3);
        rows[5].Features[7] = float.NaN;
        var data = mlContext.Data.LoadFromEnumerable(rows);
        using var model = TinySimClr.Fit(mlContext, TinySimClr.Options(steps: 5));

        using var engine = mlContext.Model.CreatePredictionEngine<ImageRow, EmbeddingRow>(model);
        var single = rows.Select(r => engine.Predict(r).Embedding).ToArray();
        var batch = TinySimClr.Embeddings(model.Transform(data));

        for (var i = 0; i < rows.Length; i++)
        {
            if (i != 5)
            {
                Assert.IsTrue(batch[i].All(float.IsFinite), $"row {i}");
                CollectionAssert.AreEqual(batch[i], single[i], new ToleranceComparer(1e-5f), $"row {i}");
            }
        }

        Assert.IsTrue(batch[5].All(float.IsNaN) && single[5].All(float.IsNaN), "the NaN image is not scored");
    }

    [TestMethod]
    public void SaveAndLoad_GiveTheSameEmbeddings()
    {
        var mlContext = new MLContext(seed: 1);
        var data = TinySimClr.Images(mlContext, count: 12);
        var path = TestArchives.TempPath(TestContext, "simclr.zip");
        float[][] saved;
        using (var model = TinySimClr.Fit(mlContext, TinySimClr.Options(steps: 5)))
        {
            model.Save(path);
            saved = TinySimClr.Embeddings(model.Transform(data));
        }

        using var loaded = TorchSimClrTransformer.Load(new MLContext(seed: 9), path);
        var reloaded = TinySimClr.Embeddings(loaded.Transform(data));

        CollectionAssert.AreEquivalent(new[] { "manifest.json", "weights.bin" }, TestArchives.Entries(path));
        StringAssert.Contains(TestArchives.Manifest(path), "\"format\": \"MLNet.SelfTraining.Vision.TorchSimClr\"");
        for (var i = 0; i < saved.Length; i++)
        {
            CollectionAssert.AreEqual(saved[i], reloaded[i], $"row {i}");
        }

        Assert.AreEqual(("Features", "Embedding", 1, 12, 12), (loaded.FeatureColumnName, loaded.OutputColumnName, loaded.ImageChannels, loaded.ImageHeight, loaded.ImageWidth));
    }

    [TestMethod]
    public void Load_OfABackboneArchive_SaysItIsNotASimClrArchive()
    {
        var path = TestArchives.TempPath(TestContext, "backbone.zip");
        using (var model = TinySimClr.Fit(new MLContext(seed: 1), TinySimClr.Options(steps: 1)))
        {
            model.SaveBackbone(path);
        }

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TorchSimClrTransformer.Load(new MLContext(), path));

        StringAssert.Contains(error.Message, "is not a SimCLR embedding archive: expected format 'MLNet.SelfTraining.Vision.TorchSimClr', got 'MLNet.SelfTraining.Vision.Backbone'");
    }

    [TestMethod]
    public void Load_OfAManifestWithAnImpossibleImage_NamesTheField()
    {
        var path = TestArchives.TempPath(TestContext, "simclr.zip");
        using (var model = TinySimClr.Fit(new MLContext(seed: 1), TinySimClr.Options(steps: 1)))
        {
            model.Save(path);
        }

        TestArchives.EditManifest(path, json => json.Replace("\"imageHeight\": 12", "\"imageHeight\": 2"));
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TorchSimClrTransformer.Load(new MLContext(), path));

        StringAssert.Contains(error.Message, "declares imageHeight = 2; expected 4 to 65536");
    }

    [TestMethod]
    public void MlNetModelSave_ThrowsNotSupported_PointingToTheArchiveSave()
    {
        var mlContext = new MLContext(seed: 1);
        var data = TinySimClr.Images(mlContext, count: 4);
        using var model = TinySimClr.Fit(mlContext, TinySimClr.Options(steps: 1));

        var error = Assert.ThrowsExactly<NotSupportedException>(() => mlContext.Model.Save(model, data.Schema, new MemoryStream()));

        StringAssert.Contains(error.Message, "TorchSimClrTransformer.Save(path)");
    }

    [TestMethod]
    public void Transform_AfterDispose_ThrowsObjectDisposed()
    {
        var mlContext = new MLContext(seed: 1);
        var model = TinySimClr.Fit(mlContext, TinySimClr.Options(steps: 1));
        model.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => model.Transform(TinySimClr.Images(mlContext, count: 4)));
    }

    private sealed class EmbeddingRow
    {
        public float[] Embedding { get; set; } = [];
    }
}
