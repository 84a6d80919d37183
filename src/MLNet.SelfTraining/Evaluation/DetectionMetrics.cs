namespace MLNet.SelfTraining.Evaluation;

/// <summary>
/// Object detection metrics of <see cref="DetectionCatalog.Evaluate"/>, computed as pycocotools' <c>COCOeval</c> for
/// boxes (the twelve numbers of its <c>summarize</c>, per-class AP, counts).
/// </summary>
/// <remarks>
/// <para>Per image and class, detections are sorted by descending score (ties keep their order) and the first 100 kept;
/// at each IoU threshold 0.50, 0.55, …, 0.95 each detection in turn takes the unmatched true box of the same class with
/// the highest IoU ≥ the threshold (IoU = intersection / union of the boxes, without the "+1" of inclusive pixel
/// boxes). Pooled over images, a class's precision is made non-increasing from the right and read at 101 recall points
/// 0, 0.01, …, 1 (0 beyond the last detection's recall); its AP is the mean of those. A mean over classes leaves out
/// the classes without a true box (in the area range): a class with true boxes and no detection counts 0, a class with
/// neither is absent. There are no crowd boxes.</para>
/// <para>Area ranges (box area (x1 − x0)(y1 − y0) in pixels, bounds inclusive): small ≤ 32², medium 32²…96², large ≥ 96².
/// In a range, true boxes outside it are ignored, as are detections matched to them and unmatched detections outside
/// it. Average recall is the recall after the last detection (of the first 1, 10 or 100 per image and class), averaged
/// over the ten IoU thresholds and the classes. A metric is NaN when no class has a true box in its range.</para>
/// </remarks>
public sealed class DetectionMetrics
{
    private static readonly int[] AllThresholds = Enumerable.Range(0, CocoParameters.IouThresholds.Length).ToArray();

    internal DetectionMetrics(IReadOnlyList<string> classNames, CocoCurve?[,,] curves, long imageCount, long trueBoxes, long detections)
    {
        const int all = CocoParameters.AllAreas, most = CocoParameters.MostDetections;
        ClassNames = classNames.ToArray().AsReadOnly();
        (ImageCount, GroundTruthBoxCount, DetectionCount) = (imageCount, trueBoxes, detections);
        double Precision(int area, int[] thresholds) => Mean(Enumerable.Range(0, classNames.Count).Select(k => curves[k, area, most]?.MeanPrecision(thresholds)));
        double Recall(int area, int limit) => Mean(Enumerable.Range(0, classNames.Count).Select(k => curves[k, area, limit]?.Recall.Average()));
        AveragePrecision = Precision(all, AllThresholds);
        AveragePrecision50 = Precision(all, [0]);
        AveragePrecision75 = Precision(all, [5]);
        (AveragePrecisionSmall, AveragePrecisionMedium, AveragePrecisionLarge) = (Precision(1, AllThresholds), Precision(2, AllThresholds), Precision(3, AllThresholds));
        (AverageRecall1, AverageRecall10, AverageRecall100) = (Recall(all, 0), Recall(all, 1), Recall(all, most));
        (AverageRecallSmall, AverageRecallMedium, AverageRecallLarge) = (Recall(1, most), Recall(2, most), Recall(3, most));
        PerClassAveragePrecision = Enumerable.Range(0, classNames.Count).Select(k => curves[k, all, most]?.MeanPrecision(AllThresholds) ?? double.NaN).ToArray().AsReadOnly();
    }

    /// <summary>AP@[.50:.05:.95]: the mean AP over the ten IoU thresholds and the classes with a true box (COCO's headline metric).</summary>
    public double AveragePrecision { get; }

    /// <summary>AP at IoU 0.50 (PASCAL VOC's threshold, with COCO's 101-point interpolation).</summary>
    public double AveragePrecision50 { get; }

    /// <summary>AP at IoU 0.75.</summary>
    public double AveragePrecision75 { get; }

    /// <summary>AP@[.50:.05:.95] over true boxes of area at most 32² pixels.</summary>
    public double AveragePrecisionSmall { get; }

    /// <summary>AP@[.50:.05:.95] over true boxes of area 32² to 96² pixels.</summary>
    public double AveragePrecisionMedium { get; }

    /// <summary>AP@[.50:.05:.95] over true boxes of area at least 96² pixels.</summary>
    public double AveragePrecisionLarge { get; }

    /// <summary>AR@1: average recall with the first detection per image and class.</summary>
    public double AverageRecall1 { get; }

    /// <summary>AR@10: average recall with the first 10 detections per image and class.</summary>
    public double AverageRecall10 { get; }

    /// <summary>AR@100: average recall with the first 100 detections per image and class.</summary>
    public double AverageRecall100 { get; }

    /// <summary>AR@100 over true boxes of area at most 32² pixels.</summary>
    public double AverageRecallSmall { get; }

    /// <summary>AR@100 over true boxes of area 32² to 96² pixels.</summary>
    public double AverageRecallMedium { get; }

    /// <summary>AR@100 over true boxes of area at least 96² pixels.</summary>
    public double AverageRecallLarge { get; }

    /// <summary>AP@[.50:.05:.95] of each class (class-index order); NaN for a class without a true box.</summary>
    public IReadOnlyList<double> PerClassAveragePrecision { get; }

    /// <summary>The class names: the label column's key values, else the predicted label column's, else "0"…"K−1".</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The number of evaluated images (rows).</summary>
    public long ImageCount { get; }

    /// <summary>The number of true boxes.</summary>
    public long GroundTruthBoxCount { get; }

    /// <summary>The number of predicted boxes read (before the 100 per image and class limit).</summary>
    public long DetectionCount { get; }

    private static double Mean(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return present.Count == 0 ? double.NaN : present.Average();
    }
}
