using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Persistence;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

/// <summary>
/// Loads many seeded mutations of saved archives: each load either gives a model that scores, or throws
/// <see cref="InvalidDataException"/>; none crashes the process, changes its thread count, or allocates much.
/// </summary>
[TestClass]
public sealed class ArchiveFuzzTests
{
    private const long ManagedBoundPerLoad = 64L << 20;
    private const long PeakGrowthBound = 256L << 20;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn, 1, 400)]
    [DataRow(BackboneArchitecture.ResNet, 2, 300)]
    public void Load_OfMutatedClassifierArchives_GivesAScoringModelOrInvalidData(BackboneArchitecture architecture, int seed, int mutations)
    {
        var mlContext = new MLContext(seed: 1);
        var original = TestArchives.TempPath(TestContext, "classifier.zip");
        var options = TinyClassifier.Options(steps: 1);
        options.Network.Architecture = architecture;
        options.Network.BlocksPerStage = [1, 1];
        using (var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options)
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1))))
        {
            model.Save(original);
        }

        Fuzz(original, seed, mutations, path =>
        {
            using var loaded = TorchImageClassifierTransformer.Load(mlContext, path);
            Assert.HasCount(loaded.ClassCount, Score(mlContext, loaded));
        });
    }

    [TestMethod]
    public void Load_OfMutatedBackboneArchives_LoadsOrThrowsInvalidData()
    {
        var spec = new BackboneSpec(BackboneArchitecture.ResNet, 1, 8, [1, 1], 0);
        var original = TestArchives.TempPath(TestContext, "backbone.zip");
        using (var backbone = BackboneFactory.Create(spec))
        {
            BackboneArchive.Save(original, backbone);
        }

        using var target = BackboneFactory.Create(spec);
        Fuzz(original, seed: 3, mutations: 300, path =>
        {
            try
            {
                BackboneArchive.Load(path, target, "option", "owner");
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName == "option")
            {
                // A valid archive of another backbone: the documented shape mismatch.
            }
        });
    }

    private void Fuzz(string original, int seed, int mutations, Action<string> load)
    {
        var mutator = new ArchiveMutator(original, seed);
        var path = TestArchives.TempPath(TestContext, "mutated.zip");
        var threads = TorchSharp.torch.get_num_threads();
        GC.Collect();
        MemoryUse.ResetPeak();
        var peakBefore = MemoryUse.PeakBytes();
        var loads = 0;
        for (var i = 0; i < mutations; i++)
        {
            var mutation = mutator.Write(path);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                load(path);
                loads++;
            }
            catch (InvalidDataException)
            {
                // The documented failure.
            }
            catch (Exception e)
            {
                Assert.Fail($"Mutation {i} ({mutation}) threw {e}");
            }

            Assert.IsLessThan(ManagedBoundPerLoad, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, $"managed bytes allocated by mutation {i} ({mutation})");
            Assert.AreEqual(threads, TorchSharp.torch.get_num_threads(), $"thread count after mutation {i} ({mutation})");
        }

        Assert.IsLessThan(PeakGrowthBound, MemoryUse.PeakBytes() - peakBefore, "growth of the peak resident memory");
        Assert.IsGreaterThan(0, loads, "mutations that still load (harmless values)");
        TestContext.WriteLine($"{loads} of {mutations} mutations loaded.");
    }

    /// <summary>Scores one random image of the model's shape; returns its scores.</summary>
    private static float[] Score(MLContext mlContext, TorchImageClassifierTransformer model)
    {
        var size = model.ImageChannels * model.ImageHeight * model.ImageWidth;
        var definition = SchemaDefinition.Create(typeof(Image));
        var features = definition[nameof(Image.Features)];
        features.ColumnName = model.FeatureColumnName;
        features.ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        var random = new Random(1);
        var input = mlContext.Data.LoadFromEnumerable([new Image { Features = [.. Enumerable.Range(0, size).Select(_ => random.NextSingle())] }], definition);
        var scored = model.Transform(input);
        return scored.GetColumn<float[]>(scored.Schema[ScoreColumn.DefaultName]).Single();
    }

    private sealed class Image
    {
        public float[] Features { get; set; } = [];
    }
}
