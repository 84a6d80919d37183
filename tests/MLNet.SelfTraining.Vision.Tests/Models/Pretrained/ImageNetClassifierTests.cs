using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Models.Pretrained;

/// <summary>The image classifier on the ImageNet ResNet-18, started from the package's ONNX weights.</summary>
[TestClass]
public sealed class ImageNetClassifierTests
{
    private const int Side = 64;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void CreateNetwork_FromThePackagesOnnx_StartsTheBackboneAtItsWeights()
    {
        var mlContext = new MLContext(seed: 1);
        var trainer = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, Options(steps: 1));
        using var expected = PackageModels.LoadedBackbone(channels: 1);

        using var started = trainer.CreateNetwork(ImageNetworkSpec.From(Options(steps: 1).Network, classCount: 2));

        var startedState = started.Backbone.state_dict();
        foreach (var (key, value) in expected.state_dict())
        {
            Assert.IsTrue(value.Equals(startedState[key]), $"{key} is the package's");
        }
    }

    [TestMethod]
    public void Fit_OnGreyImages_FromImageNetWeights_LearnsBarsInAFewSteps_AndLoadsBackFromItsArchive()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Bars(mlContext, count: 32, seed: 2);
        var test = Bars(mlContext, count: 64, seed: 3);
        var path = TestArchives.TempPath(TestContext, "classifier.zip");

        using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, Options(steps: 12)).Fit(data);
        model.Save(path);
        using var loaded = TorchImageClassifierTransformer.Load(mlContext, path);

        Assert.AreEqual(BackboneArchitecture.ImageNetResNet18, loaded.Architecture);
        Assert.IsGreaterThan(0.9, mlContext.MulticlassClassification.Evaluate(model.Transform(test)).MacroAccuracy);
        CollectionAssert.AreEqual(Scores(model.Transform(test)), Scores(loaded.Transform(test)), new ToleranceComparer(1e-5f));
    }

    private static float[] Scores(IDataView scored) =>
        [.. scored.GetColumn<float[]>("Score").SelectMany(s => s)];

    private static TorchImageClassifierTrainer.Options Options(int steps) => new()
    {
        Network = new NetworkOptions
        {
            Architecture = BackboneArchitecture.ImageNetResNet18,
            ImageChannels = 1,
            ImageHeight = Side,
            ImageWidth = Side,
            InitialBackbonePath = PackageModels.ResNet18,
        },
        Optimization = new OptimizationOptions { NumberOfSteps = steps, BatchSize = 8, LearningRate = 1e-3, Seed = 1 },
    };

    /// <summary>Seeded 1×64×64 images of a bright horizontal ("h") or vertical ("v") bar, 8 pixels thick, on dark noise.</summary>
    private static IDataView Bars(MLContext mlContext, int count, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var pixels = Enumerable.Range(0, Side * Side).Select(_ => 0.2f * random.NextSingle()).ToArray();
            var at = random.Next(8, Side - 16);
            for (var k = 0; k < 8 * Side; k++)
            {
                var (y, x) = i % 2 == 0 ? (at + (k / Side), k % Side) : (k % Side, at + (k / Side));
                pixels[(y * Side) + x] = 1f;
            }

            return new BarRow { Features = pixels, Label = i % 2 == 0 ? "h" : "v" };
        }).ToArray();                                   // drawn once: the view is read more than once
        var raw = mlContext.Data.LoadFromEnumerable(rows);
        return mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(raw).Transform(raw);
    }

    public sealed class BarRow
    {
        [VectorType(Side * Side)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }
}
