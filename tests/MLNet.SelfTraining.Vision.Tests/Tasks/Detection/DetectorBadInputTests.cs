using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

[TestClass]
public sealed class DetectorBadInputTests
{
    [TestMethod]
    [DataRow(new float[] { 2, 3, 10 }, new uint[] { 1 }, "Row 3: box column 'Box' holds 3 values and label column 'Labels' 1 labels; expected 4 values (x0, y0, x1, y1) per label, 4.")]
    [DataRow(new float[] { 2, 3, 10, 12 }, new uint[] { 1, 2 }, "Row 3: box column 'Box' holds 4 values and label column 'Labels' 2 labels; expected 4 values (x0, y0, x1, y1) per label, 8.")]
    [DataRow(new float[] { 2, 3, 10, 12, 1, 1, 5, 5 }, new uint[] { 1, 0 }, "Row 3 of label column 'Labels', box 1: key 0 (missing); expected a class key 1 to 2")]
    [DataRow(new float[] { 2, 3, 10, 12 }, new uint[] { 3 }, "Row 3 of label column 'Labels', box 0: key 3; expected a class key 1 to 2 (the column's key count")]
    [DataRow(new float[] { 2, 3, float.NaN, 12 }, new uint[] { 1 }, "Row 3 of box column 'Box', box 0: (x0 2, y0 3, x1 NaN, y1 12) has a non-finite coordinate (NaN or ±Inf); expected pixels.")]
    [DataRow(new float[] { 2, 3, 10, float.PositiveInfinity }, new uint[] { 1 }, "Row 3 of box column 'Box', box 0: (x0 2, y0 3, x1 10, y1 Infinity) has a non-finite coordinate")]
    [DataRow(new float[] { 10, 3, 10, 12 }, new uint[] { 1 }, "Row 3 of box column 'Box', box 0: (x0 10, y0 3, x1 10, y1 12) is empty; expected x0 < x1 and y0 < y1")]
    [DataRow(new float[] { 2, 12, 10, 3 }, new uint[] { 2 }, "Row 3 of box column 'Box', box 0: (x0 2, y0 12, x1 10, y1 3) is empty")]
    [DataRow(new float[] { 33, 3, 40, 12 }, new uint[] { 2 }, "Row 3 of box column 'Box', box 0: (x0 33, y0 3, x1 40, y1 12) lies outside the 32×32 image; expected a box with some area in [0, 32]×[0, 32]")]
    [DataRow(new float[] { -9, -9, 0, 5 }, new uint[] { 2 }, "lies outside the 32×32 image")]
    public void InvalidLabelsOrBoxes_ThrowNamingTheRowColumnAndBox(float[] box, uint[] labels, string message)
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticBoxes.Rows(6, seed: 1);
        (rows[3].Box, rows[3].Labels) = (box, labels);

        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Detection().Trainers
            .TorchDetector(SyntheticBoxes.Options(steps: 1)).Fit(SyntheticBoxes.View(mlContext, rows)));

        StringAssert.Contains(error.Message, message);
        Assert.AreEqual("input", error.ParamName);
    }

    [TestMethod]
    public void BoxesReachingPastTheImage_AreClippedToIt_AndTrainedOn()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticBoxes.Rows(8, seed: 1);
        (rows[0].Box, rows[0].Labels) = ([-5, -3, 10, 12, 20, 25, 40, 33], [1, 2]);

        using var model = mlContext.Detection().Trainers.TorchDetector(SyntheticBoxes.Options(steps: 2)).Fit(SyntheticBoxes.View(mlContext, rows));

        Assert.AreEqual(2, model.ClassCount);
    }

    [TestMethod]
    public void RowsWithNaNPixels_AreSkippedWithAWarning_AndScoredAsOneInvalidBox()
    {
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var rows = SyntheticBoxes.Rows(20, seed: 1);
        rows[2].Features[10] = float.NaN;
        rows[5].Features[0] = float.PositiveInfinity;

        using var model = mlContext.Detection().Trainers.TorchDetector(SyntheticBoxes.Options(steps: 2)).Fit(SyntheticBoxes.View(mlContext, rows));

        Assert.IsTrue(messages.Any(m => m.Contains("Skipped 2 of 20 training rows: 2 with non-finite (NaN or ±Inf) pixels in column 'Features', 0 with a non-finite weight.")),
            string.Join("\n", messages.Where(m => m.Contains("Skipped"))));
        var found = SyntheticBoxes.Detect(model.Transform(SyntheticBoxes.View(mlContext, rows)));
        CollectionAssert.AreEqual(new uint[] { 0 }, found[2].PredictedLabel, "a missing key");
        Assert.IsTrue(found[2].Score.Length == 1 && float.IsNaN(found[2].Score[0]));
        Assert.IsTrue(found[2].PredictedBoundingBoxes.Length == 4 && found[2].PredictedBoundingBoxes.All(float.IsNaN));
        Assert.IsTrue(found[3].Score.All(float.IsFinite));
    }

    [TestMethod]
    public void ImagesWithoutObjects_AreTrainedOn_AsBackground()
    {
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var rows = SyntheticBoxes.Rows(48, seed: 1);
        foreach (var empty in rows.Take(24))
        {
            Array.Fill(empty.Features, 0.1f);
            (empty.Box, empty.Labels) = ([], []);
        }

        var options = SyntheticBoxes.Options(steps: 60);
        options.ScoreThreshold = 0.3f;
        using var model = mlContext.Detection().Trainers.TorchDetector(options).Fit(SyntheticBoxes.View(mlContext, rows));

        Assert.IsTrue(messages.Any(m => m.Contains("Supervised: 48 rows")), string.Join("\n", messages.Where(m => m.Contains("rows"))));
        Assert.IsFalse(messages.Any(m => m.Contains("Skipped")), "an image with no object is a labeled image of background");
        var found = SyntheticBoxes.Detect(model.Transform(SyntheticBoxes.View(mlContext, rows)));
        Assert.AreEqual(0, found.Take(24).Sum(f => f.Score.Length), "nothing found on the blank images");
        Assert.IsGreaterThan(12, found.Skip(24).Count(f => f.Score.Length > 0), "the squares are found on the others");
    }

    [TestMethod]
    public void LabelsWithoutKeyValues_NameTheClassesByIndex_AndNonKeyLabelsAreRefused()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticBoxes.Rows(8, seed: 1);
        var noNames = SyntheticBoxes.View(mlContext, rows, keyValues: false);
        var floats = mlContext.Data.LoadFromEnumerable(rows.Select(r => new FloatLabelRow { Features = r.Features, Labels = [.. r.Labels.Select(l => (float)l)], Box = r.Box }));
        var trainer = mlContext.Detection().Trainers.TorchDetector(SyntheticBoxes.Options(steps: 1));

        using var model = trainer.Fit(noNames);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainer.Fit(floats));
        var shapeError = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ShapeCapture.OutputOf(trainer, floats));

        CollectionAssert.AreEqual(new[] { "0", "1" }, model.ClassNames.ToArray());
        StringAssert.Contains(error.Message, "Schema mismatch for label column 'Labels': expected a vector of Key<UInt32> with 1 to 4096 keys");
        StringAssert.Contains(shapeError.Message, "label column 'Labels': expected a vector of Key<UInt32>");
    }

    [TestMethod]
    public void OptionsOutOfRange_ThrowNamingTheOption()
    {
        var mlContext = new MLContext(seed: 1);
        var threshold = SyntheticBoxes.Options();
        threshold.ScoreThreshold = 1.5f;
        var nms = SyntheticBoxes.Options();
        nms.NmsIouThreshold = float.NaN;
        var count = SyntheticBoxes.Options();
        count.MaximumDetections = 0;
        var names = SyntheticBoxes.Options();
        names.ScoreColumnName = DefaultColumnNames.PredictedLabel;
        var relabel = SyntheticBoxes.Options();
        relabel.Student.OnlineRelabelThreshold = 0.9;

        var errors = new[] { threshold, nms, count, names, relabel }.Select(o => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Detection().Trainers.TorchDetector(o))).ToArray();

        CollectionAssert.AreEqual(new[] { "ScoreThreshold", "NmsIouThreshold", "MaximumDetections", "PredictedBoundingBoxesColumnName", "Student.OnlineRelabelThreshold" },
            errors.Select(e => e.ParamName).ToArray());
        StringAssert.StartsWith(errors[2].Message, "The 'MaximumDetections' option of TorchObjectDetectorTrainer must be in the range [1, 1000]. Got 0 instead.");
    }

    private sealed class FloatLabelRow
    {
        [VectorType(SyntheticBoxes.PixelCount)]
        public float[] Features { get; set; } = [];

        public float[] Labels { get; set; } = [];

        public float[] Box { get; set; } = [];
    }
}
