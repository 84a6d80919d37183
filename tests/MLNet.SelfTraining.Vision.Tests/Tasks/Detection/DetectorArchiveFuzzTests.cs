using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

/// <summary>Loads seeded mutations of a saved detector: each gives a model that scores, or throws <see cref="InvalidDataException"/>.</summary>
[TestClass]
public sealed class DetectorArchiveFuzzTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Load_OfMutatedDetectorArchives_GivesAScoringModelOrInvalidData()
    {
        var mlContext = new MLContext(seed: 1);
        var original = TestArchives.TempPath(TestContext, "detector.zip");
        var rows = SyntheticBoxes.Rows(4, seed: 1);
        using (var model = mlContext.Detection().Trainers.TorchDetector(SyntheticBoxes.Options(steps: 1)).Fit(SyntheticBoxes.View(mlContext, rows)))
        {
            model.Save(original);
        }

        var mutator = new ArchiveMutator(original, seed: 5);
        var path = TestArchives.TempPath(TestContext, "mutated.zip");
        var loads = 0;
        for (var i = 0; i < 200; i++)
        {
            var mutation = mutator.Write(path);
            try
            {
                using var loaded = TorchObjectDetectorTransformer.Load(mlContext, path);
                if (loaded.FeatureColumnName == "Features" && loaded.ImageChannels * loaded.ImageHeight * loaded.ImageWidth == SyntheticBoxes.PixelCount)
                {
                    var scored = loaded.Transform(SyntheticBoxes.View(mlContext, rows));
                    var boxes = scored.GetColumn<float[]>(scored.Schema[loaded.PredictedBoundingBoxesColumnName]).ToArray();
                    Assert.HasCount(rows.Length, boxes, mutation);
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
    public void Load_OfASegmenterArchive_ThrowsInvalidDataNamingTheFormat()
    {
        var mlContext = new MLContext(seed: 1);
        var path = TestArchives.TempPath(TestContext, "segmenter.zip");
        using (var segmenter = mlContext.Segmentation().Trainers.TorchSegmenter(Segmentation.SyntheticScenes.Options(steps: 1))
            .Fit(Segmentation.SyntheticScenes.View(mlContext, Segmentation.SyntheticScenes.Rows(4, seed: 1))))
        {
            segmenter.Save(path);
        }

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TorchObjectDetectorTransformer.Load(mlContext, path));

        StringAssert.Contains(error.Message, "is not a detector archive: expected format 'MLNet.SelfTraining.Vision.TorchObjectDetector'");
    }

    [TestMethod]
    [DataRow("\"maximumDetections\": 100", "\"maximumDetections\": 100000", "maximumDetections = 100000; expected 1 to 1000")]
    [DataRow("\"scoreThreshold\": 0.05", "\"scoreThreshold\": 2", "scoreThreshold = 2; expected a number in [0, 1]")]
    [DataRow("\"nmsIouThreshold\": 0.5", "\"nmsIouThreshold\": -1", "nmsIouThreshold = -1; expected a number in [0, 1]")]
    public void Load_OfAnArchiveWithAFieldOutOfRange_NamesTheField(string field, string replacement, string message)
    {
        var mlContext = new MLContext(seed: 1);
        var path = TestArchives.TempPath(TestContext, "detector.zip");
        using (var model = mlContext.Detection().Trainers.TorchDetector(SyntheticBoxes.Options(steps: 1)).Fit(SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(4, seed: 1))))
        {
            model.Save(path);
        }

        StringAssert.Contains(TestArchives.Manifest(path), field);
        TestArchives.EditManifest(path, json => json.Replace(field, replacement, StringComparison.Ordinal));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TorchObjectDetectorTransformer.Load(mlContext, path));

        StringAssert.Contains(error.Message, message);
    }
}
