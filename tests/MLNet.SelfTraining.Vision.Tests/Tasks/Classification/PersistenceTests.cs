using System.Globalization;
using System.IO.Compression;
using Microsoft.ML;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

[TestClass]
public sealed class PersistenceTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn)]
    [DataRow(BackboneArchitecture.ResNet)]
    public void SaveThenLoadInAFreshContext_GivesIdenticalScores(BackboneArchitecture architecture)
    {
        var path = TempPath();
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(40, seed: 1));
        var options = TinyClassifier.Options(steps: 5);
        options.Network.Architecture = architecture;
        options.Network.BlocksPerStage = [1, 1];
        float[] before;
        using (var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(data))
        {
            before = Scores(mlContext, model.Transform(data));
            model.Save(path);
        }

        var fresh = new MLContext(seed: 99);
        using var loaded = TorchImageClassifierTransformer.Load(fresh, path);
        var after = Scores(fresh, loaded.Transform(SyntheticImages.KeyedView(fresh, SyntheticImages.Rows(40, seed: 1))));

        CollectionAssert.AreEqual(before, after);
        Assert.AreEqual(architecture, loaded.Architecture);
        CollectionAssert.AreEqual(SyntheticImages.Classes, loaded.ClassNames!.ToArray());
    }

    [TestMethod]
    public void Save_WritesOneZipWithManifestAndWeights_AndOverwritesAtomically()
    {
        var path = TempPath();
        File.WriteAllText(path, "old content");
        var mlContext = new MLContext(seed: 1);
        using var model = mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 1))
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1)));

        model.Save(path);

        CollectionAssert.AreEquivalent(new[] { "manifest.json", "weights.bin" }, TestArchives.Entries(path));
        var json = TestArchives.Manifest(path);
        StringAssert.Contains(json, "\"format\": \"MLNet.SelfTraining.Vision.TorchImageClassifier\"");
        StringAssert.Contains(json, "\"architecture\": \"SmallCnn\"");
        Assert.IsEmpty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"), "no temporary file is left behind");
    }

    [TestMethod]
    public void MlNetModelSave_ThrowsNotSupported_PointingToTheArchiveSave()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1));
        using var model = mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 1))
            .Fit(data);

        var error = Assert.ThrowsExactly<NotSupportedException>(() => mlContext.Model.Save(model, data.Schema, TempPath()));

        StringAssert.Contains(error.Message, "TorchImageClassifierTransformer.Save(path)");
    }

    [TestMethod]
    public void Load_OfAZipWithoutManifest_ThrowsInvalidData()
    {
        var path = TempPath();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("something-else.txt");
        }

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TorchImageClassifierTransformer.Load(new MLContext(), path));

        StringAssert.Contains(error.Message, "manifest.json");
    }

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn, "smallcnn")]
    [DataRow(BackboneArchitecture.ResNet, "resnet")]
    public void Load_OfAVersion1Archive_MovesItsWeightsToTheBackboneAndHead_AndScoresAsBefore(BackboneArchitecture architecture, string name)
    {
        var mlContext = new MLContext(seed: 1);

        using var loaded = TorchImageClassifierTransformer.Load(mlContext, TestArchives.Stored($"{name}-v1.zip"));
        var scores = Scores(mlContext, loaded.Transform(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(6, seed: 2))));

        Assert.AreEqual(architecture, loaded.Architecture);
        AssertStoredScores(ExpectedScores($"{name}-v1.scores.txt"), scores);
    }

    [TestMethod]
    public void Save_OfAVersion1Archive_WritesVersion2_WhichScoresTheSame()
    {
        var mlContext = new MLContext(seed: 1);
        var path = TempPath();
        using (var v1 = TorchImageClassifierTransformer.Load(mlContext, TestArchives.Stored("smallcnn-v1.zip")))
        {
            v1.Save(path);
        }

        using var v2 = TorchImageClassifierTransformer.Load(mlContext, path);

        StringAssert.Contains(TestArchives.Manifest(path), "\"formatVersion\": 2");
        AssertStoredScores(ExpectedScores("smallcnn-v1.scores.txt"),
            Scores(mlContext, v2.Transform(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(6, seed: 2)))));
    }

    [TestMethod]
    [DataRow(1000000, "network.baseWidth = 1000000; expected 1 to 65536", DisplayName = "a width out of range")]
    [DataRow(64, "fewer than 4 per parameter", DisplayName = "more weights than the archive holds")]
    public void Load_OfAManifestWithImpossibleSizes_ThrowsBeforeBuildingTheNetwork(int baseWidth, string expected)
    {
        var path = TempPath();
        File.Copy(TestArchives.Stored("smallcnn-v1.zip"), path);
        TestArchives.EditManifest(path, json => json.Replace("\"baseWidth\": 8", $"\"baseWidth\": {baseWidth}", StringComparison.Ordinal));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TorchImageClassifierTransformer.Load(new MLContext(), path));

        StringAssert.Contains(error.Message, expected);
    }

    // The stored scores were written on another machine: libtorch picks its CPU kernels per processor, so the same
    // weights may score a bit apart (measured: 1 unit in the last place). Equal within 1e-6, not bit for bit.
    private static void AssertStoredScores(float[] expected, float[] actual)
    {
        Assert.HasCount(expected.Length, actual);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], 1e-6f, $"score {i}");
        }
    }

    private static float[] ExpectedScores(string name) =>
        File.ReadAllLines(TestArchives.Stored(name)).SelectMany(line => line.Split(' ')).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private string TempPath() => TestArchives.TempPath(TestContext, "classifier.zip");

    private static float[] Scores(MLContext mlContext, IDataView scored) =>
        mlContext.Data.CreateEnumerable<ScoreRow>(scored, reuseRowObject: false).SelectMany(r => r.Score).ToArray();

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }
}
