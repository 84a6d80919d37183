using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

[TestClass]
public sealed class BackboneTransferTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void SaveBackbone_WritesOneZipWithManifestAndTheBackbonesWeightsOnly()
    {
        var path = Saved(new MLContext(seed: 1), steps: 1, (model, file) => model.SaveBackbone(file));

        CollectionAssert.AreEquivalent(new[] { "manifest.json", "weights.bin" }, TestArchives.Entries(path));
        var json = TestArchives.Manifest(path);
        StringAssert.Contains(json, "\"format\": \"MLNet.SelfTraining.Vision.Backbone\"");
        StringAssert.Contains(json, "\"architecture\": \"SmallCnn\"");
        StringAssert.Contains(json, "\"baseWidth\": 8");
        Assert.IsEmpty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"), "no temporary file is left behind");
    }

    [TestMethod]
    public void InitialBackbonePath_StartsTheBackboneAtTheSavedWeights_AndTheHeadFresh()
    {
        var path = TestArchives.TempPath(TestContext, "backbone.zip");
        var mlContext = new MLContext(seed: 1);
        using var teacher = Train(mlContext, TinyClassifier.Options(steps: 20));
        teacher.SaveBackbone(path);
        var trainer = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, StartingFrom(path, steps: 40));
        var spec = teacher.Info.Spec;
        using var trained = ClassifierNetwork.Create(spec);
        teacher.CopyWeightsTo(trained);

        manual_seed(5);
        using var started = trainer.CreateNetwork(spec);
        manual_seed(5);
        using var fresh = ClassifierNetwork.Create(spec);

        var startedState = started.state_dict();
        foreach (var (key, value) in trained.state_dict().Where(p => p.Key.StartsWith("backbone.", StringComparison.Ordinal)))
        {
            Assert.IsTrue(value.Equals(startedState[key]), $"{key} is the saved backbone's");
        }

        foreach (var (key, value) in fresh.state_dict().Where(p => p.Key.StartsWith("head.", StringComparison.Ordinal)))
        {
            Assert.IsTrue(value.Equals(startedState[key]), $"{key} is drawn as without the backbone");
        }
    }

    [TestMethod]
    public void Fit_FromASavedBackbone_TrainsAHeadForOtherClasses()
    {
        var mlContext = new MLContext(seed: 1);
        var path = Saved(mlContext, steps: 40, (teacher, file) => teacher.SaveBackbone(file));
        var rows = SyntheticImages.Rows(90, seed: 1).Select(r => new ImageRow { Features = r.Features, Label = r.Label == "sq" ? "square" : "bar" });
        var raw = mlContext.Data.LoadFromEnumerable(rows);
        var twoClasses = mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(raw).Transform(raw);
        using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, StartingFrom(path, steps: 20)).Fit(twoClasses);

        Assert.AreEqual(2, model.ClassCount);
        Assert.IsGreaterThan(0.9, mlContext.MulticlassClassification.Evaluate(model.Transform(twoClasses)).MacroAccuracy);
    }

    [TestMethod]
    public void Fit_FromABackboneOfAnotherWidth_NamesTheOptionExpectedAndGot()
    {
        var mlContext = new MLContext(seed: 1);
        var path = Saved(mlContext, steps: 1, (narrow, file) => narrow.SaveBackbone(file));
        var options = StartingFrom(path, steps: 1);
        options.Network.BaseWidth = 16;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Train(mlContext, options));

        Assert.AreEqual("Network.InitialBackbonePath", error.ParamName);
        StringAssert.Contains(error.Message, "the 'Network.InitialBackbonePath' option of TorchImageClassifierTrainer");
        StringAssert.Contains(error.Message, "expected SmallCnn, 1 channel, width 16, got SmallCnn, 1 channel, width 8");
    }

    [TestMethod]
    public void Fit_FromAClassifierArchive_SaysItIsNotABackboneArchive()
    {
        var mlContext = new MLContext(seed: 1);
        var path = Saved(mlContext, steps: 1, (model, file) => model.Save(file));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Train(mlContext, StartingFrom(path, steps: 1)));

        StringAssert.Contains(error.Message, "is not a backbone archive: expected format 'MLNet.SelfTraining.Vision.Backbone', got 'MLNet.SelfTraining.Vision.TorchImageClassifier'");
    }

    [TestMethod]
    public void Options_WithBothAnInitialModelAndABackbone_AreRejected()
    {
        var mlContext = new MLContext(seed: 1);
        using var model = Train(mlContext, TinyClassifier.Options(steps: 1));
        var options = TinyClassifier.Options();
        options.InitialModel = model;
        options.Network.InitialBackbonePath = "backbone.zip";

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options));

        Assert.AreEqual("Network.InitialBackbonePath", error.ParamName);
        StringAssert.Contains(error.Message, "must be null when InitialModel is set");
    }

    private static TorchImageClassifierTransformer Train(MLContext mlContext, TorchImageClassifierTrainer.Options options) =>
        mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options)
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 1)));

    /// <summary>The tiny options, starting from the backbone archive at <paramref name="path"/>.</summary>
    private static TorchImageClassifierTrainer.Options StartingFrom(string path, int steps)
    {
        var options = TinyClassifier.Options(steps);
        options.Network.InitialBackbonePath = path;
        return options;
    }

    /// <summary>Trains the tiny classifier for <paramref name="steps"/> steps and saves it with <paramref name="save"/>; returns the file.</summary>
    private string Saved(MLContext mlContext, int steps, Action<TorchImageClassifierTransformer, string> save)
    {
        var path = TestArchives.TempPath(TestContext, "archive.zip");
        using var model = Train(mlContext, TinyClassifier.Options(steps));
        save(model, path);
        return path;
    }
}
