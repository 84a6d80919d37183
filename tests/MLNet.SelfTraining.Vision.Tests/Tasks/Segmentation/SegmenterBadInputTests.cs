using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

[TestClass]
public sealed class SegmenterBadInputTests
{
    [TestMethod]
    public void MaskOfAnotherSizeThanTheImages_ThrowsNamingBothColumnsAndSizes()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticScenes.Rows(4, seed: 1).Select(r => new SmallMaskRow { Features = r.Features, Mask = new byte[256] });
        var data = mlContext.Data.LoadFromEnumerable(rows, SyntheticScenes.Definition(typeof(SmallMaskRow)));

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 1)).Fit(data));

        StringAssert.Contains(error.Message, "mask column 'Mask': expected Vector<Byte, 1024>");
        StringAssert.Contains(error.Message, "32×32 images in feature column 'Features'");
        StringAssert.Contains(error.Message, "got Vector<Byte, 256>");
    }

    [TestMethod]
    public void MaskValueAboveTheClasses_ThrowsNamingTheRowPixelAndValue()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticScenes.Rows(6, seed: 1);
        rows[4].Mask[(3 * SyntheticScenes.Side) + 5] = 7;

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Segmentation().Trainers
            .TorchSegmenter(SyntheticScenes.Options(steps: 1)).Fit(SyntheticScenes.View(mlContext, rows)));

        Assert.AreEqual("Row 4 of mask column 'Mask' has the value 7 at pixel (y 3, x 5); expected a class index 0 to 2 (3 classes) or 255 (ignore).", error.Message);
    }

    [TestMethod]
    public void RowsWithNaNPixelsOrAllIgnoredMasks_AreSkippedWithAWarning()
    {
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var rows = SyntheticScenes.Rows(20, seed: 1);
        rows[2].Features[10] = float.NaN;
        rows[5].Features[0] = float.PositiveInfinity;
        Array.Fill(rows[7].Mask, SegmentationMasks.Ignore);

        using var model = mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 2)).Fit(SyntheticScenes.View(mlContext, rows));

        Assert.IsTrue(messages.Any(m => m.Contains("Skipped 3 of 20 training rows: 2 with non-finite (NaN or ±Inf) pixels in column 'Features'")
            && m.Contains("1 with no labeled pixel (mask all 255) in column 'Mask'")), string.Join("\n", messages.Where(m => m.Contains("Skipped"))));
        var scored = model.Transform(SyntheticScenes.View(mlContext, rows));
        var masks = SyntheticScenes.PredictedMasks(scored);
        Assert.IsTrue(masks[2].All(v => v == SegmentationMasks.Ignore), "an image with a NaN pixel is not scored: its mask is all 255");
        Assert.IsTrue(masks[3].All(v => v < 3));
        Assert.IsTrue(scored.GetColumn<float[]>(scored.Schema[DefaultColumnNames.Confidence]).ElementAt(2).All(float.IsNaN));
    }

    [TestMethod]
    public void EmptyScenes_BackgroundOnly_AreTrainedOn_NotSkipped()
    {
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var rows = SyntheticScenes.Rows(12, seed: 1);
        foreach (var empty in rows.Take(4))
        {
            Array.Fill(empty.Features, 0.1f);
            Array.Clear(empty.Mask);
        }

        using var model = mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 2)).Fit(SyntheticScenes.View(mlContext, rows));

        Assert.IsTrue(messages.Any(m => m.Contains("Supervised: 12 rows")), string.Join("\n", messages.Where(m => m.Contains("rows"))));
        Assert.IsFalse(messages.Any(m => m.Contains("Skipped")), "a scene with no object is a labeled scene of background");
    }

    [TestMethod]
    public void EveryMaskAllIgnored_ThrowsAClearError()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticScenes.Rows(5, seed: 1);
        foreach (var row in rows)
        {
            Array.Fill(row.Mask, SegmentationMasks.Ignore);
        }

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Segmentation().Trainers
            .TorchSegmenter(SyntheticScenes.Options(steps: 1)).Fit(SyntheticScenes.View(mlContext, rows)));

        Assert.AreEqual("None of the 5 training rows has a labeled pixel: every mask in column 'Mask' is 255 (ignore) everywhere.", error.Message);
    }

    [TestMethod]
    public void MaskWithoutClassNames_NeedsNumberOfClasses_AndThenNamesTheClassesByIndex()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticScenes.View(mlContext, SyntheticScenes.Rows(8, seed: 1), classNames: false);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 1)).Fit(data));
        var shapeError = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ShapeCapture.OutputOf(mlContext.Segmentation().Trainers.TorchSegmenter(SyntheticScenes.Options(steps: 1)), data));
        var options = SyntheticScenes.Options(steps: 1);
        options.NumberOfClasses = 4;
        using var model = mlContext.Segmentation().Trainers.TorchSegmenter(options).Fit(data);

        StringAssert.Contains(error.Message, "'NumberOfClasses' option");
        Assert.AreEqual(error.Message, shapeError.Message);
        CollectionAssert.AreEqual(new[] { "0", "1", "2", "3" }, model.ClassNames.ToArray());
    }

    [TestMethod]
    public void OptionsOutOfRange_ThrowNamingTheOption()
    {
        var mlContext = new MLContext(seed: 1);
        var relabel = SyntheticScenes.Options();
        relabel.Student.OnlineRelabelThreshold = 0.9;
        var classes = SyntheticScenes.Options();
        classes.NumberOfClasses = 256;
        var rate = SyntheticScenes.Options();
        rate.Optimization.LearningRate = -1;

        var errors = new[] { relabel, classes, rate }.Select(o => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Segmentation().Trainers.TorchSegmenter(o))).ToArray();

        CollectionAssert.AreEqual(new[] { "Student.OnlineRelabelThreshold", "NumberOfClasses", "Optimization.LearningRate" }, errors.Select(e => e.ParamName).ToArray());
        StringAssert.StartsWith(errors[1].Message, "The 'NumberOfClasses' option of TorchImageSegmenterTrainer must be null or in the range [2, 255]. Got 256 instead.");
    }

    private sealed class SmallMaskRow
    {
        [VectorType(SyntheticScenes.PixelCount)]
        public float[] Features { get; set; } = [];

        [VectorType(256)]
        public byte[] Mask { get; set; } = [];
    }
}
