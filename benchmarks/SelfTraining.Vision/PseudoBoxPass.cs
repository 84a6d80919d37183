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
/// limit, which are the same) against the scenes' hidden true boxes (IoU ≥ 0.5 and the same class, each pseudo box in
/// descending score taking the unmatched true box of highest IoU), and the scenes scored per second.
/// </summary>
internal static class PseudoBoxPass
{
    private const double MatchIoU = 0.5;

    /// <param name="teacher">The teacher.</param>
    /// <param name="unlabeled">The unlabeled scenes' view (row i is scene i of <paramref name="truth"/>).</param>
    /// <param name="truth">The unlabeled scenes, whose digits are the hidden truth.</param>
    /// <param name="threshold">The pseudo boxes' score threshold.</param>
    public static (PseudoBoxSummary Summary, double ImagesPerSecond) Run(ITransformer teacher, IDataView unlabeled, SceneSet truth, double threshold)
    {
        var clock = Stopwatch.StartNew();
        var scored = teacher.Transform(unlabeled);
        var (labelColumn, scoreColumn, boxColumn) =
            (scored.Schema[DefaultColumnNames.PredictedLabel], scored.Schema[DefaultColumnNames.Score], scored.Schema[DefaultColumnNames.PredictedBoundingBoxes]);
        using var cursor = scored.GetRowCursor([labelColumn, scoreColumn, boxColumn]);
        var getLabels = cursor.GetGetter<VBuffer<uint>>(labelColumn);
        var getScores = cursor.GetGetter<VBuffer<float>>(scoreColumn);
        var getBoxes = cursor.GetGetter<VBuffer<float>>(boxColumn);
        VBuffer<uint> labels = default;
        VBuffer<float> scores = default, boxes = default;
        long images = 0, invalid = 0, pseudoImages = 0, pseudoBoxes = 0, trueBoxes = 0, matched = 0;
        while (cursor.MoveNext())
        {
            getLabels(ref labels);
            getScores(ref scores);
            getBoxes(ref boxes);
            var (l, s, b) = (labels.DenseValues().ToArray(), scores.DenseValues().ToArray(), boxes.DenseValues().ToArray());
            var digits = truth.GetDigits((int)images).ToArray();
            images++;
            if (!s.All(float.IsFinite) || !b.All(float.IsFinite))
            {
                invalid++;
                continue;
            }

            var kept = Enumerable.Range(0, s.Length).Where(i => s[i] >= threshold && b[(4 * i) + 2] > b[4 * i] && b[(4 * i) + 3] > b[(4 * i) + 1]).ToArray();
            pseudoImages += kept.Length > 0 ? 1 : 0;
            pseudoBoxes += kept.Length;
            trueBoxes += digits.Length;
            matched += Matches(kept.Select(i => ((int)l[i] - 1, b.AsSpan(4 * i, 4).ToArray())), digits);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return (new PseudoBoxSummary(images, invalid, pseudoImages, pseudoBoxes, trueBoxes, (double)matched / pseudoBoxes, (double)matched / trueBoxes),
            images / seconds);
    }

    /// <summary>How many of the boxes (class, x0 y0 x1 y1; by descending score) match a digit of their class.</summary>
    private static int Matches(IEnumerable<(int Class, float[] Box)> boxes, SceneDigit[] digits)
    {
        var taken = new bool[digits.Length];
        var matches = 0;
        foreach (var (cls, box) in boxes)
        {
            var (best, bestIoU) = (-1, 0.0);
            for (var d = 0; d < digits.Length; d++)
            {
                var iou = IoU(box, digits[d]);
                if (!taken[d] && digits[d].Digit == cls && iou >= MatchIoU && (best < 0 || iou > bestIoU))
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

    private static double IoU(float[] box, SceneDigit digit)
    {
        var width = Math.Min(box[2], digit.X1) - Math.Max(box[0], digit.X0);
        var height = Math.Min(box[3], digit.Y1) - Math.Max(box[1], digit.Y0);
        var intersection = Math.Max(0, width) * Math.Max(0, height);
        var union = ((box[2] - box[0]) * (box[3] - box[1])) + ((digit.X1 - digit.X0) * (digit.Y1 - digit.Y0)) - intersection;
        return intersection / union;
    }
}
