using Microsoft.ML;
using MLNet.SelfTraining.Evaluation;

namespace MLNet.SelfTraining.Tests.Evaluation;

/// <summary>
/// Hand-computed COCOeval cases. Notation: a detection is (class, box, score); boxes are x0, y0, x1, y1. COCOeval's
/// precision is tp/(tp + fp + ε) with ε = 2.2e-16, so "1" below means 1 within 1e-12.
/// </summary>
[TestClass]
public sealed class DetectionMetricsTests
{
    private const double Tolerance = 1e-12;
    private static readonly MLContext Ml = new(seed: 1);
    private static readonly string[] Classes = ["a", "b", "c"];

    [TestMethod]
    public void PerfectDetections_ScoreOne_AndAClassWithoutTruthIsNaN()
    {
        var metrics = Evaluate(
            Image(Truth((0, [0, 0, 10, 10]), (1, [20, 20, 40, 40])), Detections((0, [0, 0, 10, 10], 0.9f), (1, [20, 20, 40, 40], 0.8f))),
            Image(Truth((0, [5, 5, 15, 25])), Detections((0, [5, 5, 15, 25], 0.7f))));

        foreach (var value in new[] { metrics.AveragePrecision, metrics.AveragePrecision50, metrics.AveragePrecision75, metrics.AverageRecall100, metrics.AverageRecall1 })
        {
            Assert.AreEqual(1.0, value, Tolerance);
        }

        Assert.AreEqual(1.0, metrics.AveragePrecisionSmall, Tolerance, "every box is at most 32² pixels");
        Assert.IsTrue(double.IsNaN(metrics.AveragePrecisionMedium) && double.IsNaN(metrics.AveragePrecisionLarge), "no true box in those ranges");
        Assert.AreEqual(1.0, metrics.PerClassAveragePrecision[0], Tolerance);
        Assert.AreEqual(1.0, metrics.PerClassAveragePrecision[1], Tolerance);
        Assert.IsTrue(double.IsNaN(metrics.PerClassAveragePrecision[2]));
        CollectionAssert.AreEqual(Classes, metrics.ClassNames.ToArray());
        Assert.AreEqual((2L, 3L, 3L), (metrics.ImageCount, metrics.GroundTruthBoxCount, metrics.DetectionCount));
    }

    [TestMethod]
    public void AFalsePositiveRankedAboveTheTruePositive_HalvesAP_EvenInAnotherImage()
    {
        // Pooled by score: FP (0.9, image 0), TP (0.8, image 1). tp = [0, 1], fp = [1, 1]: recall [0, 1], precision
        // [0, 0.5] → non-increasing from the right [0.5, 0.5]; every recall point reads 0.5, at every IoU threshold.
        var metrics = Evaluate(
            Image(Truth(), Detections((0, [50, 50, 60, 60], 0.9f))),
            Image(Truth((0, [0, 0, 10, 10])), Detections((0, [0, 0, 10, 10], 0.8f))));

        Assert.AreEqual(0.5, metrics.AveragePrecision, Tolerance);
        Assert.AreEqual(0.5, metrics.AveragePrecision50, Tolerance);
        Assert.AreEqual(1.0, metrics.AverageRecall100, Tolerance);
    }

    [TestMethod]
    public void TwoDetectionsOnOneTrueBox_TheSecondIsAFalsePositive()
    {
        // Two true boxes; detections TP on box 1 (0.9), a duplicate on box 1 (0.8, FP: box 1 is taken), TP on box 2 (0.7).
        // recall [0.5, 0.5, 1], precision [1, 0.5, 2/3] → [1, 2/3, 2/3]. Recall points 0…0.50 (51) read 1, 0.51…1 (50)
        // read 2/3: AP = (51 + 50 · 2/3) / 101 = 0.834983… (an all-point AP would give 0.5 + 0.5 · 2/3 = 0.8333).
        var metrics = Evaluate(Image(
            Truth((0, [0, 0, 10, 10]), (0, [20, 0, 30, 10])),
            Detections((0, [0, 0, 10, 10], 0.9f), (0, [0, 0, 10, 10], 0.8f), (0, [20, 0, 30, 10], 0.7f))));

        Assert.AreEqual((51 + (50 * 2.0 / 3)) / 101, metrics.AveragePrecision, Tolerance);
        Assert.AreEqual(1.0, metrics.AverageRecall100, Tolerance);
    }

    [TestMethod]
    public void AnIoUExactlyAtAThreshold_Matches()
    {
        // [0, 0, 10, 5] on [0, 0, 10, 10]: IoU 50/100 = 0.5 exactly → a TP at 0.50 only: AP50 1, AP75 0, AP 1/10.
        var half = Evaluate(Image(Truth((0, [0, 0, 10, 10])), Detections((0, [0, 0, 10, 5], 0.9f))));
        // [0, 0, 10, 7.5]: IoU 0.75 exactly → a TP at 0.50 … 0.75 (six thresholds): AP75 1, AP 6/10.
        var threeQuarters = Evaluate(Image(Truth((0, [0, 0, 10, 10])), Detections((0, [0, 0, 10, 7.5f], 0.9f))));
        // [0, 0, 10, 4.99]: IoU 0.499 → no match anywhere.
        var below = Evaluate(Image(Truth((0, [0, 0, 10, 10])), Detections((0, [0, 0, 10, 4.99f], 0.9f))));

        Assert.AreEqual((1.0, 0.0, 0.1), (Math.Round(half.AveragePrecision50, 12), half.AveragePrecision75, Math.Round(half.AveragePrecision, 12)));
        Assert.AreEqual(0.1, half.AverageRecall100, Tolerance);
        Assert.AreEqual(1.0, threeQuarters.AveragePrecision75, Tolerance);
        Assert.AreEqual(0.6, threeQuarters.AveragePrecision, Tolerance);
        Assert.AreEqual(0.0, below.AveragePrecision50);
    }

    [TestMethod]
    public void AClassWithoutTruth_IsLeftOutOfTheMean_AClassWithTruthAndNoDetection_CountsZero()
    {
        // Class a: perfect (AP 1). Class b: a detection but no truth (absent). Class c: a true box, no detection (AP 0).
        var metrics = Evaluate(Image(
            Truth((0, [0, 0, 10, 10]), (2, [20, 20, 30, 30])),
            Detections((0, [0, 0, 10, 10], 0.9f), (1, [40, 40, 50, 50], 0.95f))));

        Assert.AreEqual(1.0, metrics.PerClassAveragePrecision[0], Tolerance);
        Assert.IsTrue(double.IsNaN(metrics.PerClassAveragePrecision[1]));
        Assert.AreEqual(0.0, metrics.PerClassAveragePrecision[2]);
        Assert.AreEqual(0.5, metrics.AveragePrecision, Tolerance, "(1 + 0) / 2");
        Assert.AreEqual(0.5, metrics.AverageRecall100, Tolerance);
    }

    [TestMethod]
    public void AreaRanges_DecideWhichTrueBoxesCount_AndIgnoreUnmatchedDetectionsOutsideTheRange()
    {
        // A small true box (area 100) found by a TP (0.8) below a large FP (40 × 40 = 1600, 0.9), and an undetected
        // medium true box (20 × 60 = 1200) in another image.
        // all: 2 true boxes; FP, TP → recall [0, 0.5], precision [0, 0.5] → [0.5, 0.5]: points 0…0.50 read 0.5, the
        //      rest 0: AP = 51 · 0.5 / 101.
        // small: the medium box is ignored; the FP (1600 > 32²) is unmatched and outside the range: ignored. TP → AP 1.
        // medium: the small box is ignored, the TP matched to it is ignored, the FP (1600) is in range: AP 0, AR 0.
        var metrics = Evaluate(
            Image(Truth((0, [0, 0, 10, 10])), Detections((0, [50, 50, 90, 90], 0.9f), (0, [0, 0, 10, 10], 0.8f))),
            Image(Truth((0, [0, 0, 20, 60])), Detections()));

        Assert.AreEqual(51 * 0.5 / 101, metrics.AveragePrecision, Tolerance);
        Assert.AreEqual(1.0, metrics.AveragePrecisionSmall, Tolerance);
        Assert.AreEqual(0.0, metrics.AveragePrecisionMedium);
        Assert.IsTrue(double.IsNaN(metrics.AveragePrecisionLarge));
        Assert.AreEqual((1.0, 0.0), (metrics.AverageRecallSmall, metrics.AverageRecallMedium));
    }

    [TestMethod]
    public void AnAreaOfExactly32Squared_IsSmallAndMedium()
    {
        var metrics = Evaluate(Image(Truth((0, [0, 0, 32, 32])), Detections((0, [0, 0, 32, 32], 0.9f))));

        Assert.AreEqual(1.0, metrics.AveragePrecisionSmall, Tolerance);
        Assert.AreEqual(1.0, metrics.AveragePrecisionMedium, Tolerance);
        Assert.IsTrue(double.IsNaN(metrics.AveragePrecisionLarge));
    }

    [TestMethod]
    public void OnlyTheFirst100DetectionsPerImageAndClass_Count()
    {
        // 100 FPs scored above the TP: the TP is the 101st detection of its image and class and is cut.
        var falsePositives = Enumerable.Range(0, 100).Select(i => (0, new float[] { 50, 50, 60, 60 }, 0.99f - (i * 0.001f))).ToArray();
        var cut = Evaluate(Image(Truth((0, [0, 0, 10, 10])), Detections([.. falsePositives, (0, [0, 0, 10, 10], 0.5f)])));
        // With 99 FPs the TP is the 100th: recall 1 at precision 1/100.
        var kept = Evaluate(Image(Truth((0, [0, 0, 10, 10])), Detections([.. falsePositives[..99], (0, [0, 0, 10, 10], 0.5f)])));

        Assert.AreEqual(0.0, cut.AveragePrecision);
        Assert.AreEqual(0.0, cut.AverageRecall100);
        Assert.AreEqual(0.01, kept.AveragePrecision, Tolerance);
        Assert.AreEqual(1.0, kept.AverageRecall100, Tolerance);
        Assert.AreEqual(0.0, kept.AverageRecall10, "the TP is not among the first 10");
    }

    [TestMethod]
    public void AverageRecall_At1_10_100_CountsTheFirstDetectionsPerImageAndClass()
    {
        // Two true boxes; TP (0.9), FP (0.8), TP (0.7): AR@1 sees the first TP only (recall 1/2), AR@10 and AR@100 both.
        var metrics = Evaluate(Image(
            Truth((0, [0, 0, 10, 10]), (0, [20, 0, 30, 10])),
            Detections((0, [0, 0, 10, 10], 0.9f), (0, [50, 50, 60, 60], 0.8f), (0, [20, 0, 30, 10], 0.7f))));

        Assert.AreEqual(0.5, metrics.AverageRecall1, Tolerance);
        Assert.AreEqual(1.0, metrics.AverageRecall10, Tolerance);
        Assert.AreEqual(1.0, metrics.AverageRecall100, Tolerance);
    }

    [TestMethod]
    public void NoTrueBoxAtAll_GivesNaN()
    {
        var metrics = Evaluate(Image(Truth(), Detections((0, [0, 0, 10, 10], 0.9f))));

        Assert.IsTrue(double.IsNaN(metrics.AveragePrecision));
        Assert.IsTrue(double.IsNaN(metrics.AverageRecall100));
    }

    [TestMethod]
    public void MismatchedLengths_AreNamedWithTheirRow()
    {
        var boxes = Assert.ThrowsExactly<ArgumentException>(() => Evaluate(Image(Truth(), Detections()), new EvaluationRow { Labels = [1], Box = [0, 0, 1] }));
        var scores = Assert.ThrowsExactly<ArgumentException>(() => Evaluate(new EvaluationRow { PredictedLabel = [1], PredictedBoundingBoxes = [0, 0, 1, 1], Score = [] }));

        Assert.Contains("'Box'", boxes.Message);
        Assert.Contains("3 coordinates for 1 keys at row 1", boxes.Message);
        Assert.Contains("'Score'", scores.Message);
        Assert.Contains("1 keys, 4 coordinates and 0 scores at row 0", scores.Message);
    }

    [TestMethod]
    public void ANaNScore_IsNamedWithItsRowAndBox()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Evaluate(Image(Truth(), Detections((0, [0, 0, 1, 1], 0.5f), (0, [0, 0, 1, 1], float.NaN)))));

        Assert.Contains("'Score'", error.Message);
        Assert.Contains("got NaN at row 0, box 1", error.Message);
    }

    [TestMethod]
    public void KeyTypesThatDisagree_AreNamed()
    {
        var data = Load([Image(Truth(), Detections())], predictedClassCount: 4);

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Detection().Evaluate(data));

        Assert.AreEqual("predictedLabelColumnName", error.ParamName);
        Assert.Contains("'PredictedLabel'", error.Message);
        Assert.Contains("Key<UInt32, 3>", error.Message);
    }

    [TestMethod]
    public void APredictedKeyZero_AndAMissingColumn_AreNamed()
    {
        var key = Assert.ThrowsExactly<ArgumentException>(() => Evaluate(new EvaluationRow { PredictedLabel = [0], PredictedBoundingBoxes = [0, 0, 1, 1], Score = [0.5f] }));
        var missing = Assert.ThrowsExactly<ArgumentException>(() => Ml.Detection().Evaluate(Load([Image(Truth(), Detections())]), scoreColumnName: "Confidence"));

        Assert.Contains("got 0 at row 0, box 0", key.Message);
        Assert.AreEqual("scoreColumnName", missing.ParamName);
        Assert.Contains("'Confidence'", missing.Message);
    }

    [TestMethod]
    public void AnInvertedTrueBox_IsNamed()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Evaluate(Image(Truth((0, [10, 0, 0, 10])), Detections())));

        Assert.Contains("x0 < x1", error.Message);
        Assert.Contains("at row 0, box 0", error.Message);
    }

    internal static (int Class, float[] Box)[] Truth(params (int Class, float[] Box)[] boxes) => boxes;

    internal static (int Class, float[] Box, float Score)[] Detections(params (int Class, float[] Box, float Score)[] boxes) => boxes;

    internal static EvaluationRow Image((int Class, float[] Box)[] truth, (int Class, float[] Box, float Score)[] detections) => new()
    {
        Labels = truth.Select(t => (uint)t.Class + 1).ToArray(),
        Box = truth.SelectMany(t => t.Box).ToArray(),
        PredictedLabel = detections.Select(d => (uint)d.Class + 1).ToArray(),
        PredictedBoundingBoxes = detections.SelectMany(d => d.Box).ToArray(),
        Score = detections.Select(d => d.Score).ToArray(),
    };

    internal static IDataView Load(IEnumerable<EvaluationRow> rows, int predictedClassCount = 3)
    {
        var definition = Microsoft.ML.Data.SchemaDefinition.Create(typeof(EvaluationRow));
        Tasks.Detection.KeyColumns.Define(definition, nameof(EvaluationRow.Labels), Classes.Length, Classes);
        Tasks.Detection.KeyColumns.Define(definition, nameof(EvaluationRow.PredictedLabel), predictedClassCount, null);
        return Ml.Data.LoadFromEnumerable(rows.ToList(), definition);
    }

    private static DetectionMetrics Evaluate(params EvaluationRow[] rows) => Ml.Detection().Evaluate(Load(rows));

    internal sealed class EvaluationRow
    {
        public uint[] Labels { get; set; } = [];

        public float[] Box { get; set; } = [];

        public uint[] PredictedLabel { get; set; } = [];

        public float[] PredictedBoundingBoxes { get; set; } = [];

        public float[] Score { get; set; } = [];
    }
}
