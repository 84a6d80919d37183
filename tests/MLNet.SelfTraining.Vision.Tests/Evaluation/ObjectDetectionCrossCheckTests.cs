using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.TorchSharp;

namespace MLNet.SelfTraining.Vision.Tests.Evaluation;

/// <summary>
/// <c>mlContext.Detection().Evaluate</c> against ML.NET's own <c>MulticlassClassification.EvaluateObjectDetection</c>
/// (Microsoft.ML.TorchSharp 0.23.1, <c>AutoFormerV2/ObjectDetectionMetrics.cs</c>; pure managed code, no libtorch) on
/// data where both must agree: perfect detections, and a clear false positive ranked above a true positive.
/// </summary>
/// <remarks>
/// Where ML.NET's evaluator differs from COCOeval (and ours), so the two agree only on such cases:
/// <list type="bullet">
/// <item>Matching is done once per image, greedily by descending IoU over all (true, predicted) pairs of a class with a
/// non-zero IoU, not per IoU threshold in score order; a pair whose IoU is below a threshold then counts as a false
/// positive and its true box stays unmatched, where COCOeval would let another detection take it.</item>
/// <item>Boxes are inclusive pixel boxes: width = x1 − x0 + 1 and height = y1 − y0 + 1, so IoUs differ from COCO's
/// (x1 − x0)(y1 − y0) except for identical or disjoint boxes.</item>
/// <item>AP is the all-point area under the precision envelope (VOC 2010 style), not COCO's 101-point sampling; e.g.
/// TP, FP, TP on two true boxes gives 0.8333 against COCO's 0.8350.</item>
/// <item>Thresholds are accumulated in float (0.5f += 0.05f ten times), so the last is 0.95000011: an IoU of exactly
/// 0.95 is no match there; the results are floats.</item>
/// <item>No limit of 100 detections per image, no area ranges, no AR; detections scored below 0.05 are dropped first.</item>
/// <item>It prints "total : …, filtered: …, filter ratio: …" to standard output on every call.</item>
/// <item>Labels are read as text vectors (<c>VBuffer&lt;ReadOnlyMemory&lt;char&gt;&gt;</c>): key columns must go
/// through <c>MapKeyToValue</c> first; classes are the label column's distinct texts, and a predicted class that no true
/// box has throws <see cref="KeyNotFoundException"/> (its dictionary lookup), where COCOeval leaves such a class out.</item>
/// <item>With no true box at all it returns 1 (COCOeval: −1; ours: NaN).</item>
/// </list>
/// </remarks>
[TestClass]
public sealed class ObjectDetectionCrossCheckTests
{
    private const double Tolerance = 1e-6;
    private static readonly string[] Classes = ["a", "b"];

    [TestMethod]
    public void PerfectDetections_BothGiveOne()
    {
        var (ours, mlnet) = Evaluate(
        [
            Image([(0, [0, 0, 10, 10]), (1, [20, 20, 40, 30])], [(1, [20, 20, 40, 30], 0.8f), (0, [0, 0, 10, 10], 0.9f)]),
            Image([(1, [5, 5, 25, 15])], [(1, [5, 5, 25, 15], 0.7f)]),
        ]);

        Assert.AreEqual(1.0, ours.AveragePrecision50, Tolerance);
        Assert.AreEqual(ours.AveragePrecision50, mlnet.MAP50, Tolerance);
        Assert.AreEqual(ours.AveragePrecision, mlnet.MAP50_95, Tolerance);
    }

    [TestMethod]
    public void AClearFalsePositiveRankedAboveATruePositive_BothGiveOneHalf()
    {
        // Class a: the FP (0.9, no overlap with any true box) comes before the TP (0.8): precision 0.5 at recall 1.
        // Class b: perfect. Mean over the two classes: 0.75, at every IoU threshold.
        var (ours, mlnet) = Evaluate(
        [
            Image([(0, [0, 0, 10, 10])], [(0, [0, 0, 10, 10], 0.8f), (1, [20, 20, 30, 30], 0.6f)]),
            Image([(1, [20, 20, 30, 30])], [(0, [40, 40, 50, 50], 0.9f), (1, [20, 20, 30, 30], 0.7f)]),
        ]);

        Assert.AreEqual(0.75, ours.AveragePrecision50, Tolerance);
        Assert.AreEqual(ours.AveragePrecision50, mlnet.MAP50, Tolerance);
        Assert.AreEqual(ours.AveragePrecision, mlnet.MAP50_95, Tolerance);
    }

    [TestMethod]
    public void APredictedClassThatNoTrueBoxHas_ThrowsInMLNet_AndIsLeftOutOfOurMean()
    {
        var rows = new[] { Image([(0, [0, 0, 10, 10])], [(0, [0, 0, 10, 10], 0.9f), (1, [20, 20, 30, 30], 0.8f)]) };

        Assert.ThrowsExactly<KeyNotFoundException>(() => Evaluate(rows));
        var ours = Evaluate(rows, mlnet: false).Ours;

        Assert.AreEqual(1.0, ours.AveragePrecision, Tolerance);
        Assert.IsTrue(double.IsNaN(ours.PerClassAveragePrecision[1]));
    }

    private static Row Image((int Class, float[] Box)[] truth, (int Class, float[] Box, float Score)[] detections) => new()
    {
        Labels = truth.Select(t => (uint)t.Class + 1).ToArray(),
        Box = truth.SelectMany(t => t.Box).ToArray(),
        PredictedLabel = detections.Select(d => (uint)d.Class + 1).ToArray(),
        PredictedBoundingBoxes = detections.SelectMany(d => d.Box).ToArray(),
        Score = detections.Select(d => d.Score).ToArray(),
    };

    private static (MLNet.SelfTraining.Evaluation.DetectionMetrics Ours, Microsoft.ML.TorchSharp.AutoFormerV2.ObjectDetectionMetrics MLNet) Evaluate(Row[] rows, bool mlnet = true)
    {
        var ml = new MLContext(seed: 1);
        var definition = SchemaDefinition.Create(typeof(Row));
        var keys = new VectorDataViewType(new KeyDataViewType(typeof(uint), Classes.Length));
        var names = new VBuffer<ReadOnlyMemory<char>>(Classes.Length, Classes.Select(c => c.AsMemory()).ToArray());
        foreach (var column in new[] { nameof(Row.Labels), nameof(Row.PredictedLabel) })
        {
            definition[column].ColumnType = keys;
            definition[column].AddAnnotation("KeyValues", names, new VectorDataViewType(TextDataViewType.Instance, Classes.Length));
        }

        var data = ml.Data.LoadFromEnumerable(rows, definition);
        var ours = ml.Detection().Evaluate(data);
        if (!mlnet)
        {
            return (ours, null!);
        }

        var text = ml.Transforms.Conversion.MapKeyToValue([new("LabelText", nameof(Row.Labels)), new("PredictedLabelText", nameof(Row.PredictedLabel))])
            .Fit(data).Transform(data);
        var s = text.Schema;
        var theirs = ml.MulticlassClassification.EvaluateObjectDetection(text, s["LabelText"], s[nameof(Row.Box)], s["PredictedLabelText"], s[nameof(Row.PredictedBoundingBoxes)], s[nameof(Row.Score)]);
        return (ours, theirs);
    }

    private sealed class Row
    {
        public uint[] Labels { get; set; } = [];

        public float[] Box { get; set; } = [];

        public uint[] PredictedLabel { get; set; } = [];

        public float[] PredictedBoundingBoxes { get; set; } = [];

        public float[] Score { get; set; } = [];
    }
}
