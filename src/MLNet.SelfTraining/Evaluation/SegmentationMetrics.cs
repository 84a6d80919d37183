namespace MLNet.SelfTraining.Evaluation;

/// <summary>
/// Semantic segmentation metrics of <see cref="SegmentationCatalog.Evaluate"/>, computed the PASCAL VOC way (as
/// torchvision's segmentation reference): one K×K confusion matrix over every valid pixel of the evaluated data.
/// </summary>
/// <remarks>
/// <para>A pixel is valid when its true class is not <see cref="SegmentationMasks.Ignore"/>; the background (class 0 in
/// PASCAL) is a class like any other. A valid pixel predicted <see cref="SegmentationMasks.Ignore"/> counts as wrong: it
/// is in its true class's total (so it lowers that class's IoU and accuracy and the pixel accuracy) but in no cell of
/// <see cref="ConfusionMatrix"/>.</para>
/// <para>With C the confusion matrix, T_k the valid pixels of true class k and P_k = Σ_i C_ik the pixels predicted k:
/// IoU_k = C_kk / (T_k + P_k − C_kk).</para>
/// </remarks>
public sealed class SegmentationMetrics
{
    internal SegmentationMetrics(IReadOnlyList<string> classNames, long[][] confusion, long[] truthTotals)
    {
        int k = classNames.Count;
        ClassNames = classNames.ToArray().AsReadOnly();
        ConfusionMatrix = confusion.Select(row => (IReadOnlyList<long>)row.ToArray().AsReadOnly()).ToArray().AsReadOnly();
        ValidPixelCount = truthTotals.Sum();
        var predicted = Enumerable.Range(0, k).Select(c => confusion.Sum(row => row[c])).ToArray();
        var iou = Enumerable.Range(0, k).Select(c =>
        {
            long union = truthTotals[c] + predicted[c] - confusion[c][c];
            return union == 0 ? double.NaN : (double)confusion[c][c] / union;
        }).ToArray();
        PerClassIoU = iou.AsReadOnly();
        MeanIoU = NanMean(iou);
        double n = ValidPixelCount;
        PixelAccuracy = n == 0 ? double.NaN : Enumerable.Range(0, k).Sum(c => confusion[c][c]) / n;
        var truthClasses = Enumerable.Range(0, k).Where(c => truthTotals[c] > 0).ToList();
        MeanClassAccuracy = NanMean(truthClasses.Select(c => (double)confusion[c][c] / truthTotals[c]));
        FrequencyWeightedIoU = n == 0 ? double.NaN : truthClasses.Sum(c => truthTotals[c] / n * iou[c]);
    }

    /// <summary>
    /// The mean of <see cref="PerClassIoU"/> over the classes present in the truth or the prediction (NaN entries, i.e.
    /// classes absent from both, are skipped: numpy's <c>nanmean</c>); NaN when no pixel is valid.
    /// </summary>
    public double MeanIoU { get; }

    /// <summary>The intersection over union of each class (class-index order); NaN for a class absent from both truth and prediction.</summary>
    public IReadOnlyList<double> PerClassIoU { get; }

    /// <summary>The share of valid pixels predicted with their true class; NaN when no pixel is valid.</summary>
    public double PixelAccuracy { get; }

    /// <summary>The mean over the classes present in the truth of C_kk / T_k (per-class recall); NaN when no pixel is valid.</summary>
    public double MeanClassAccuracy { get; }

    /// <summary>Σ_k (T_k / N) · IoU_k over the classes present in the truth, N the valid pixels (FCN's frequency-weighted IoU); NaN when no pixel is valid.</summary>
    public double FrequencyWeightedIoU { get; }

    /// <summary>Pixel counts: row = true class, column = predicted class (K×K, class-index order).</summary>
    public IReadOnlyList<IReadOnlyList<long>> ConfusionMatrix { get; }

    /// <summary>The class names (the mask column's <see cref="SegmentationMasks.ClassNamesAnnotation"/> annotation).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>N, the pixels whose true class is not <see cref="SegmentationMasks.Ignore"/>.</summary>
    public long ValidPixelCount { get; }

    private static double NanMean(IEnumerable<double> values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToList();
        return present.Count == 0 ? double.NaN : present.Average();
    }
}
