using MLNet.SelfTraining.Tasks.Detection;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

/// <summary>Greedy matching of detections to true boxes, for recall figures in tests.</summary>
internal static class DetectionMatching
{
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
                    var overlap = BoxGeometry.Iou(found.PredictedBoundingBoxes, d, boxes, t);
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
