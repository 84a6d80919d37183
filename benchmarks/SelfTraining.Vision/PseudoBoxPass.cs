using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;
using MLNet.SelfTraining.SampleData.Scenes;

namespace SelfTraining.Vision;

/// <summary>
/// One timed pass of a detection teacher over the unlabeled scenes: its pseudo boxes (the core's rule: a row with a
/// non-finite score or coordinate is invalid, boxes without area are dropped, boxes whose score is ≥ the threshold are
/// kept; the teacher's own per-class NMS at IoU 0.5 and its 100 detections per image already meet the rule's NMS and
/// limit, which are the same) against the hidden true boxes (<see cref="SceneSet.TrueLabelsColumnName"/>,
/// <see cref="SceneSet.TrueBoxColumnName"/>; a match is the same class at IoU ≥ 0.5, each pseudo box in descending score
/// taking the unmatched true box of highest IoU), and the scenes scored per second.
/// </summary>
internal static class PseudoBoxPass
{
    private const double MatchIoU = 0.5;

    public static (PseudoBoxSummary Summary, double ImagesPerSecond) Run(ITransformer teacher, IDataView unlabeled, double threshold)
    {
        var clock = Stopwatch.StartNew();
        var scored = teacher.Transform(unlabeled);
        var schema = scored.Schema;
        var columns = new[]
        {
            schema[DefaultColumnNames.PredictedLabel], schema[DefaultColumnNames.Score], schema[DefaultColumnNames.PredictedBoundingBoxes],
            schema[SceneSet.TrueLabelsColumnName], schema[SceneSet.TrueBoxColumnName],
        };
        using var cursor = scored.GetRowCursor(columns);
        var (getLabels, getScores, getBoxes) = (cursor.GetGetter<VBuffer<uint>>(columns[0]), cursor.GetGetter<VBuffer<float>>(columns[1]), cursor.GetGetter<VBuffer<float>>(columns[2]));
        var (getTrueLabels, getTrueBoxes) = (cursor.GetGetter<VBuffer<uint>>(columns[3]), cursor.GetGetter<VBuffer<float>>(columns[4]));
        VBuffer<uint> labels = default, trueLabels = default;
        VBuffer<float> scores = default, boxes = default, trueBoxes = default;
        long images = 0, invalid = 0, pseudoImages = 0, pseudoBoxes = 0, truth = 0, matched = 0;
        while (cursor.MoveNext())
        {
            getLabels(ref labels);
            getScores(ref scores);
            getBoxes(ref boxes);
            getTrueLabels(ref trueLabels);
            getTrueBoxes(ref trueBoxes);
            var (l, s, b) = (labels.DenseValues().ToArray(), scores.DenseValues().ToArray(), boxes.DenseValues().ToArray());
            images++;
            if (!s.All(float.IsFinite) || !b.All(float.IsFinite))
            {
                invalid++;
                continue;
            }

            var kept = Enumerable.Range(0, s.Length).Where(i => s[i] >= threshold && b[(4 * i) + 2] > b[4 * i] && b[(4 * i) + 3] > b[(4 * i) + 1]).ToArray();
            var (t, tb) = (trueLabels.DenseValues().ToArray(), trueBoxes.DenseValues().ToArray());
            pseudoImages += kept.Length > 0 ? 1 : 0;
            pseudoBoxes += kept.Length;
            truth += t.Length;
            matched += Matches([.. kept.Select(i => (l[i], b[(4 * i)..((4 * i) + 4)]))], t, tb);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return (new PseudoBoxSummary(images, invalid, pseudoImages, pseudoBoxes, truth, (double)matched / pseudoBoxes, (double)matched / truth),
            images / seconds);
    }

    /// <summary>How many of the boxes (key, x0 y0 x1 y1; by descending score) match a true box (keys <paramref name="trueKeys"/>, 4 coordinates each in <paramref name="trueBoxes"/>).</summary>
    private static int Matches((uint Key, float[] Box)[] boxes, uint[] trueKeys, float[] trueBoxes)
    {
        var taken = new bool[trueKeys.Length];
        var matches = 0;
        foreach (var (key, box) in boxes)
        {
            var (best, bestIoU) = (-1, 0.0);
            for (var d = 0; d < trueKeys.Length; d++)
            {
                var iou = IoU(box, trueBoxes.AsSpan(4 * d, 4));
                if (!taken[d] && trueKeys[d] == key && iou >= MatchIoU && (best < 0 || iou > bestIoU))
                {
                    (best, bestIoU) = (d, iou);
                }
            }

            if (best >= 0)
            {
                taken[best] = true;
                matches++;
            }
        }

        return matches;
    }

    private static double IoU(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var intersection = Math.Max(0, Math.Min(a[2], b[2]) - Math.Max(a[0], b[0])) * Math.Max(0, Math.Min(a[3], b[3]) - Math.Max(a[1], b[1]));
        var union = ((a[2] - a[0]) * (a[3] - a[1])) + ((b[2] - b[0]) * (b[3] - b[1])) - intersection;
        return intersection / union;
    }
}
