namespace MLNet.SelfTraining.Evaluation;

/// <summary>
/// pycocotools' <c>COCOeval.accumulate</c> for one class, area range and detection limit: the images' first
/// <c>maxDet</c> detections are pooled and sorted by descending score (stable, images in order), cumulative true and
/// false positives (ignored detections are neither) give recall tp/n and precision tp/(tp + fp + ε) (ε = numpy's
/// <c>np.spacing(1)</c>, as COCOeval), precision is made non-increasing from the right and sampled at the first
/// detection whose recall reaches each recall threshold (0 past the last).
/// </summary>
/// <param name="Precision">[IoU threshold, recall threshold] interpolated precision.</param>
/// <param name="Recall">[IoU threshold] the recall after the last detection (0 without detections).</param>
internal sealed record CocoCurve(double[,] Precision, double[] Recall)
{
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>The mean precision over the recall thresholds and the IoU thresholds <paramref name="thresholds"/>.</summary>
    public double MeanPrecision(IReadOnlyList<int> thresholds)
        => thresholds.Average(t => Enumerable.Range(0, Precision.GetLength(1)).Average(r => Precision[t, r]));

    /// <summary>
    /// The curve of <paramref name="images"/> (one class, one area range), or <see langword="null"/> when no true box is
    /// inside the range (COCOeval's −1: the class is left out of the means).
    /// </summary>
    public static CocoCurve? Accumulate(IReadOnlyList<CocoImageMatch> images, int maximumDetections)
    {
        int truths = images.Sum(i => i.TrueBoxesInRange);
        if (truths == 0)
        {
            return null;
        }

        var pooled = images
            .SelectMany(image => Enumerable.Range(0, Math.Min(maximumDetections, image.Scores.Length)).Select(d => (Image: image, Detection: d)))
            .OrderByDescending(p => p.Image.Scores[p.Detection])
            .ToList();
        int thresholds = CocoParameters.IouThresholds.Length, recalls = CocoParameters.RecallThresholds.Length;
        var precision = new double[thresholds, recalls];
        var recall = new double[thresholds];
        for (int t = 0; t < thresholds; t++)
        {
            var (rc, pr) = (new double[pooled.Count], new double[pooled.Count]);
            double tp = 0, fp = 0;
            for (int i = 0; i < pooled.Count; i++)
            {
                var (image, d) = pooled[i];
                if (!image.Ignored[t, d])
                {
                    tp += image.Matched[t, d] ? 1 : 0;
                    fp += image.Matched[t, d] ? 0 : 1;
                }

                rc[i] = tp / truths;
                pr[i] = tp / (fp + tp + Epsilon);
            }

            recall[t] = pooled.Count > 0 ? rc[^1] : 0;
            for (int i = pooled.Count - 1; i > 0; i--)
            {
                pr[i - 1] = Math.Max(pr[i - 1], pr[i]);
            }

            int first = 0;
            for (int r = 0; r < recalls; r++)
            {
                while (first < pooled.Count && rc[first] < CocoParameters.RecallThresholds[r])
                {
                    first++;
                }

                precision[t, r] = first < pooled.Count ? pr[first] : 0;
            }
        }

        return new CocoCurve(precision, recall);
    }
}
