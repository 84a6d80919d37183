using Microsoft.ML;
using MLNet.SelfTraining.Sharding;
using MLNet.SelfTraining.Tests.Tasks.Detection;
using MLNet.SelfTraining.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>
/// Each task's teacher output written by the shard workers and read back through <see cref="ShardSet"/> is the
/// teacher's output itself: types, annotations (class names, key values) and values, in global row order.
/// </summary>
[TestClass]
public sealed class ShardRoundTripTests
{
    [TestMethod]
    public void ClassificationScores_OfALbfgsTeacher_RoundTripThroughThreeShardsOverTwoInputFiles()
    {
        var ml = new MLContext(seed: 1);
        var teacher = Blobs.Pipeline(ml, weightColumn: null).Fit(ml.Data.LoadFromEnumerable(Blobs.Make(20, seed: 1)));
        var unlabeled = ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 2, hideLabels: true));
        using var folder = ShardFolder.Create(ml, unlabeled, teacher, [DefaultColumnNames.Score, DefaultColumnNames.PredictedLabel], 3, 40);

        var results = folder.RunAll();
        var view = ShardSet.Open(folder.JobPath).AsDataView(ml);

        CollectionAssert.AreEqual(new long[] { 30, 30, 30 }, results.Select(r => r.RowsWritten).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 90).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), ShardColumns.Values(view, ShardJob.RowIndexColumnName));
        ShardColumns.AssertSame(teacher.Transform(unlabeled), view, DefaultColumnNames.Score, DefaultColumnNames.PredictedLabel);
    }

    [TestMethod]
    public void SegmentationMasksAndConfidences_RoundTripThroughFourShards()
    {
        var ml = new MLContext(seed: 1);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 25).Select(_ => SceneRow.Scored(
            Enumerable.Range(0, 16).Select(_ => (byte)random.Next(3)).ToArray(),
            Enumerable.Range(0, 16).Select(_ => (float)random.NextDouble()).ToArray())).ToList();
        var unlabeled = SceneRow.Load(ml, rows, 16);
        var teacher = SceneRow.CopyTeacher(ml).Fit(unlabeled);
        using var folder = ShardFolder.Create(ml, unlabeled, teacher, [DefaultColumnNames.PredictedMask, DefaultColumnNames.Confidence], 4, 10);

        folder.RunAll();
        var view = ShardSet.Open(folder.JobPath).AsDataView(ml);

        ShardColumns.AssertSame(teacher.Transform(unlabeled), view, DefaultColumnNames.PredictedMask, DefaultColumnNames.Confidence);
    }

    [TestMethod]
    public void DetectionBoxes_OfVariableCountWithKeyValues_RoundTripThroughTwoShards()
    {
        var ml = new MLContext(seed: 1);
        var random = new Random(4);
        var rows = Enumerable.Range(0, 20).Select(i => DetectionRow.Scored(Enumerable.Range(0, i % 4).Select(_ =>
        {
            float x = random.Next(20), y = random.Next(20);
            return (random.Next(3), new[] { x, y, x + 1 + random.Next(10), y + 1 + random.Next(10) }, (float)random.NextDouble());
        }).ToArray())).ToList();
        var unlabeled = DetectionRow.Load(ml, rows);
        var teacher = DetectionRow.CopyTeacher(ml).Fit(unlabeled);
        string[] columns = [DefaultColumnNames.PredictedLabel, DefaultColumnNames.Score, DefaultColumnNames.PredictedBoundingBoxes];
        using var folder = ShardFolder.Create(ml, unlabeled, teacher, columns, 2, 7, 7);

        folder.RunAll();
        var view = ShardSet.Open(folder.JobPath).AsDataView(ml);

        ShardColumns.AssertSame(teacher.Transform(unlabeled), view, columns);
        Assert.Contains("KeyValues", view.Schema[DefaultColumnNames.PredictedLabel].Annotations.Schema.Select(c => c.Name));
    }
}
