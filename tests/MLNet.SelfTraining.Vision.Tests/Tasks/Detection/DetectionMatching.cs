namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

/// <summary>Greedy matching of detections to true boxes, for recall figures in tests.</summary>
internal static class DetectionMatching
{
    /// <summary>IoU of two boxes x0, y0, x1, y1.</summary>
    public static double Iou(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var width = Math.Max(0, Math.Min(a[2], b[2]) - Math.Max(a[0], b[0]));
        var height = Math.Max(0, Math.Min(a[3], b[3]) - Math.Max(a[1], b[1]));
        var intersection = width * height;
        var union = ((a[2] - a[0]) * (a[3] - a[1])) + ((b[2] - b[0]) * (b[3] - b[1])) - intersection;
        return union > 0 ? intersection / union : 0;
    }

    /// <summary>
    /// How many true boxes a detection of score ≥ <paramref name="minimumScore"/> and the same key matches at IoU ≥
    /// <paramref name="iou"/> (each detection, in score order, takes the unmatched true box of highest IoU), and the
    /// number of true boxes.
    /// </summary>
    public static (int Matched, int Total) Recall(IReadOnlyList<(uint[] Labels, float[] Boxes)> truth, IReadOnlyList<Detections> detections,
        double iou = 0.5, float minimumScore = 0.3f)
    {
        var (matched, total) = (0, 0);
        for (var image = 0; image < truth.Count; image++)
        {
            var (labels, boxes) = truth[image];
            total += labels.Length;
            var taken = new bool[labels.Length];
            var found = detections[image];
            for (var d = 0; d < found.Score.Length && found.Score[d] >= minimumScore; d++)
            {
                var best = -1;
                var bestIou = iou;
                for (var t = 0; t < labels.Length; t++)
                {
                    var overlap = Iou(found.PredictedBoundingBoxes.AsSpan(4 * d, 4), boxes.AsSpan(4 * t, 4));
                    if (!taken[t] && labels[t] == found.PredictedLabel[d] && overlap >= bestIou)
                    {
                        (best, bestIou) = (t, overlap);
                    }
                }

                if (best >= 0)
                {
                    taken[best] = true;
                    matched++;
                }
            }
        }

        return (matched, total);
    }
}
