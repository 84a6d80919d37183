using Microsoft.ML;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;

namespace MLNet.SelfTraining.Tests.Tasks.Detection;

/// <summary>Self-training of a real, tiny learned detector (<see cref="InkBlobDetector"/>) on 32×32 digit scenes.</summary>
[TestClass]
public sealed class InkBlobSelfTrainingTests
{
    private static readonly Lazy<SceneSplit> Split = new(() => SceneSplit.Create(MnistDataset.ReadEmbedded10k(), labeledScenes: 40, unlabeledScenes: 30,
        testScenes: 30, objectCentricImages: 0, new SceneOptions { CanvasSize = InkBlobs.Canvas, MaximumOverlap = 0 }, seed: 5));

    [TestMethod]
    public void ThePseudoBoxes_AreTheTeachersBoxesScoredAtLeast05_WithTheirKeys_AndImagesWithoutOneAreStudentRows()
    {
        var ml = new MLContext(seed: 1);
        var detector = new InkBlobDetector(ml);
        var unlabeled = Split.Value.LoadUnlabeled(ml);

        using var model = ml.Detection().SelfTraining(detector, unlabeled,
            new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Labels, MaximumIterations = 1, DiagnosticLabelColumnName = SceneSet.TrueLabelsColumnName },
            new PseudoBoxOptions { DiagnosticBoxColumnName = SceneSet.TrueBoxColumnName }).Fit(Split.Value.LoadLabeled(ml));

        var scored = model.Teacher.Transform(unlabeled);
        var keys = KeyColumns.Read<uint>(scored, DefaultColumnNames.PredictedLabel);
        var boxes = KeyColumns.Read<float>(scored, DefaultColumnNames.PredictedBoundingBoxes);
        var scores = KeyColumns.Read<float>(scored, DefaultColumnNames.Score);
        var expected = Enumerable.Range(0, keys.Length).Select(row =>
        {
            var kept = Enumerable.Range(0, keys[row].Length).Where(i => scores[row][i] >= 0.5f).ToArray();
            return (Labels: kept.Select(i => keys[row][i]).ToArray(), Box: kept.SelectMany(i => boxes[row][(4 * i)..((4 * i) + 4)]).ToArray());
        }).ToList();
        var pseudo = detector.Fits[1].PseudoRows;

        Assert.IsFalse(detector.Fits[0].AsStudent, "the teacher");
        Assert.IsTrue(detector.Fits[1].AsStudent, "the student");
        Assert.HasCount(30, pseudo, "every scene is a pseudo row, with or without pseudo boxes");
        for (int row = 0; row < expected.Count; row++)
        {
            CollectionAssert.AreEqual(expected[row].Labels, pseudo[row].Labels, $"row {row}");
            CollectionAssert.AreEqual(expected[row].Box, pseudo[row].Box, $"row {row}");
        }

        Assert.IsTrue(scores.Any(s => s.Any(v => v < 0.5f)) && scores.Any(s => s.Any(v => v >= 0.5f)), "real scores on both sides of the threshold");
        Assert.IsTrue(pseudo.Any(r => r.Labels.Length == 0), "an image whose boxes all scored below 0.5 is still a student row");
        Assert.IsFalse(HasOverlappingBoxesOfOneClass(expected), "blobs do not overlap, so suppression keeps every box above the threshold");
        var round = model.Rounds.Single();
        Assert.AreEqual(expected.Sum(e => e.Labels.Length), round.PseudoLabeledPerClass.Sum());
        Assert.IsNotNull(round.PseudoLabelAccuracy);
        Assert.IsTrue(round.PseudoLabelAccuracy is > 0 and < 1, $"pseudo-label accuracy {round.PseudoLabelAccuracy}");
    }

    [TestMethod]
    public void TheSelfTrainedDetector_IsEvaluated_AndSavesAndLoadsAsAPlainMLNetModel()
    {
        var ml = new MLContext(seed: 1);
        var labeled = Split.Value.LoadLabeled(ml);
        using var model = ml.Detection().SelfTraining(new InkBlobDetector(ml), Split.Value.LoadUnlabeled(ml)).Fit(labeled);
        var test = Split.Value.Test.ToDataView(ml);
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "detector.zip");

        var metrics = ml.Detection().Evaluate(model.Transform(test));
        ml.Model.Save(model, labeled.Schema, path);
        var loading = new MLContext(seed: 2);
        loading.ComponentCatalog.RegisterAssembly(typeof(InkBlobMappings).Assembly);
        var loaded = loading.Model.Load(path, out _);

        Assert.AreEqual(30, metrics.ImageCount);
        Assert.IsGreaterThan(0.2, metrics.AveragePrecision50, "nearest class centroids tell many digits apart (0.32 at this seed)");
        Assert.AreEqual(metrics.AveragePrecision50, metrics.AveragePrecision, 1e-9, "a blob's box is its digit's tight box (IoU 1) or matches none");
        var (before, after) = (model.Transform(test), loaded.Transform(test));
        foreach (var column in new[] { DefaultColumnNames.PredictedBoundingBoxes, DefaultColumnNames.Score })
        {
            CollectionAssert.AreEqual(KeyColumns.Read<float>(before, column).SelectMany(v => v).ToArray(), KeyColumns.Read<float>(after, column).SelectMany(v => v).ToArray(), column);
        }

        CollectionAssert.AreEqual(KeyColumns.Read<uint>(before, DefaultColumnNames.PredictedLabel).SelectMany(v => v).ToArray(),
            KeyColumns.Read<uint>(after, DefaultColumnNames.PredictedLabel).SelectMany(v => v).ToArray());
    }

    private static bool HasOverlappingBoxesOfOneClass(IEnumerable<(uint[] Labels, float[] Box)> images) => images.Any(image =>
        Enumerable.Range(0, image.Labels.Length).Any(i => Enumerable.Range(i + 1, image.Labels.Length - i - 1).Any(j =>
            image.Labels[i] == image.Labels[j] && Iou(image.Box.AsSpan(4 * i, 4), image.Box.AsSpan(4 * j, 4)) > 0.5)));

    private static double Iou(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double w = Math.Max(0, Math.Min(a[2], b[2]) - Math.Max(a[0], b[0])), h = Math.Max(0, Math.Min(a[3], b[3]) - Math.Max(a[1], b[1]));
        return w * h / (((a[2] - a[0]) * (a[3] - a[1])) + ((b[2] - b[0]) * (b[3] - b[1])) - (w * h));
    }
}
