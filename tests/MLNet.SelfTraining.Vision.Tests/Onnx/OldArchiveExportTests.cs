using Microsoft.ML;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

/// <summary>A classifier archive of format version 1 (before the backbone / head split) loads, through the weights'
/// migration, into a classifier that exports like any other.</summary>
[TestClass]
public sealed class OldArchiveExportTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn, "smallcnn")]
    [DataRow(BackboneArchitecture.ResNet, "resnet")]
    public void Version1Archive_LoadsAndSavesAsAPlainModel_ThatScoresAsTheLoadedClassifier(BackboneArchitecture architecture, string name)
    {
        var zipPath = OnnxTestModels.TempPath(".zip");
        var mlContext = new MLContext(seed: 1);
        TorchSharpResult expected;
        using (var v1 = TorchImageClassifierTransformer.Load(mlContext, TestArchives.Stored($"{name}-v1.zip")))
        {
            Assert.AreEqual(architecture, v1.Architecture);
            var scored = v1.Transform(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(6, seed: 2)));
            expected = new TorchSharpResult(OnnxTestModels.Scores(scored), OnnxTestModels.Keys(scored), 0);
            v1.SaveAsMLNetModel(mlContext, zipPath);
        }

        try
        {
            var fresh = new MLContext(seed: 2);
            var model = fresh.Model.Load(zipPath, out _);
            var reloaded = model.Transform(SyntheticImages.KeyedView(fresh, SyntheticImages.Rows(6, seed: 2)));

            var difference = OnnxTestSegmenters.MaxDifference(expected.Scores, OnnxTestModels.Scores(reloaded));
            TestContext.WriteLine($"{name}-v1: max |score difference| {difference:E2}");
            Assert.IsLessThanOrEqualTo(1e-4f, difference);
            CollectionAssert.AreEqual(expected.Keys, OnnxTestModels.Keys(reloaded));
            (model as IDisposable)?.Dispose();
        }
        finally
        {
            File.Delete(zipPath);
        }
    }
}
