using MLNet.SelfTraining.Tasks.Detection;

namespace MLNet.SelfTraining.Evaluation;

/// <summary>
/// pycocotools' <c>COCOeval.evaluateImg</c> for one image, one class and one area range: the detections (by
/// descending score, stable, at most 100) are matched greedily at each IoU threshold, each taking the unmatched true
/// box of highest IoU ≥ the threshold (a later true box wins a tie), regular true boxes before those outside the area
/// range; a detection matched to a true box outside the range, or unmatched and itself outside the range, is ignored.
/// </summary>
/// <param name="Scores">The detections' scores, descending.</param>
/// <param name="Matched">[threshold, detection]: whether the detection matched a true box.</param>
/// <param name="Ignored">[threshold, detection]: whether the detection is ignored.</param>
/// <param name="TrueBoxesInRange">The true boxes inside the area range (pycocotools' <c>gtIgnore == 0</c>).</param>
internal sealed record CocoImageMatch(float[] Scores, bool[,] Matched, bool[,] Ignored, int TrueBoxesInRange)
{
    /// <summary>Matches the detections <paramref name="detections"/> of one class in <paramref name="image"/> to its true boxes <paramref name="truths"/>.</summary>
    /// <param name="image">The image.</param>
    /// <param name="truths">The indices of the class's true boxes in the image.</param>
    /// <param name="detections">The indices of the class's detections, by descending score (stable), at most 100.</param>
    /// <param name="ious">[detection, true box] IoU, in the orders of <paramref name="detections"/> and <paramref name="truths"/>.</param>
    /// <param name="area">The area range.</param>
    public static CocoImageMatch Evaluate(DetectionImage image, int[] truths, int[] detections, double[,] ious, (double Low, double High) area)
    {
        bool OutOfRange(float[] boxes, int index)
        {
            double a = BoxGeometry.Area(boxes, index);
            return a < area.Low || a > area.High;
        }

        // True boxes inside the range first, each group in its order (numpy's stable argsort of the ignore flags).
        var order = Enumerable.Range(0, truths.Length).OrderBy(g => OutOfRange(image.TrueBoxes, truths[g]) ? 1 : 0).ToArray();
        var trueIgnored = order.Select(g => OutOfRange(image.TrueBoxes, truths[g])).ToArray();
        int thresholds = CocoParameters.IouThresholds.Length, count = detections.Length;
        var matched = new bool[thresholds, count];
        var ignored = new bool[thresholds, count];
        for (int t = 0; t < thresholds; t++)
        {
            var trueTaken = new bool[order.Length];
            for (int d = 0; d < count; d++)
            {
                double best = Math.Min(CocoParameters.IouThresholds[t], 1 - 1e-10);
                int match = -1;
                for (int g = 0; g < order.Length; g++)
                {
                    if (trueTaken[g])
                    {
                        continue;
                    }

                    if (match > -1 && !trueIgnored[match] && trueIgnored[g])
                    {
                        break;
                    }

                    if (ious[d, order[g]] < best)
                    {
                        continue;
                    }

                    (best, match) = (ious[d, order[g]], g);
                }

                if (match > -1)
                {
                    trueTaken[match] = true;
                    matched[t, d] = true;
                    ignored[t, d] = trueIgnored[match];
                }
                else
                {
                    ignored[t, d] = OutOfRange(image.Boxes, detections[d]);
                }
            }
        }

        return new CocoImageMatch(detections.Select(d => image.Scores[d]).ToArray(), matched, ignored, trueIgnored.Count(i => !i));
    }
}
