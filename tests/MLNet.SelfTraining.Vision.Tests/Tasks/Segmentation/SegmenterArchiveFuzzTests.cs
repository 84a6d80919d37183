using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

/// <summary>Loads seeded mutations of a saved segmenter: each gives a model that scores, or throws <see cref="InvalidDataException"/>.</summary>
[TestClass]
public sealed class SegmenterArchiveFuzzTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Load_OfMutatedSegmenterArchives_GivesAScoringModelOrInvalidData()
    {
        var mlContext = new MLContext(seed: 1);
        var original = TestArchives.TempPath(TestContext, "segmenter.zip");
        var rows = SyntheticScenes.Rows(4, seed: 1);
        using (var model = mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 1)).Fit(SyntheticScenes.View(mlContext, rows)))
        {
            model.Save(original);
        }

        var mutator = new ArchiveMutator(original, seed: 4);
        var path = TestArchives.TempPath(TestContext, "mutated.zip");
        var loads = 0;
        for (var i = 0; i < 200; i++)
        {
            var mutation = mutator.Write(path);
            try
            {
                using var loaded = TorchImageSegmenterTransformer.Load(mlContext, path);
                var size = loaded.ImageHeight * loaded.ImageWidth;
                if (loaded.FeatureColumnName == "Features" && loaded.ImageChannels == 1 && size == SyntheticScenes.PixelCount)
                {
                    Assert.HasCount(size, SyntheticScenes.PredictedMasks(loaded.Transform(SyntheticScenes.View(mlContext, rows)))[0], mutation);
                }

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
        }

        Assert.IsGreaterThan(0, loads, "mutations that still load (harmless values)");
        TestContext.WriteLine($"{loads} of 200 mutations loaded.");
    }

    [TestMethod]
    public void Load_OfAClassifierArchive_ThrowsInvalidDataNamingTheFormat()
    {
        var mlContext = new MLContext(seed: 1);
        var path = TestArchives.TempPath(TestContext, "classifier.zip");
        using (var classifier = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 1))
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1))))
        {
            classifier.Save(path);
        }

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TorchImageSegmenterTransformer.Load(mlContext, path));

        StringAssert.Contains(error.Message, "is not a segmenter archive: expected format 'MLNet.SelfTraining.Vision.TorchImageSegmenter'");
    }
}
