namespace MLNet.SelfTraining;

/// <summary>
/// How a segmentation teacher's output becomes pseudo masks (Zoph et al. 2020): a pixel keeps the teacher's predicted
/// class when the teacher's confidence in it is at least <see cref="PixelConfidenceThreshold"/>, and is
/// <see cref="SegmentationMasks.Ignore"/> (255, left out of the student's loss) otherwise. Every default is documented
/// on its property.
/// </summary>
public sealed class PseudoMaskOptions
{
    /// <summary>The default of <see cref="PixelConfidenceThreshold"/>: 0.5, the paper's.</summary>
    public const float DefaultPixelConfidenceThreshold = 0.5f;

    /// <summary>
    /// A pixel is a pseudo pixel when the teacher's confidence in its predicted class is greater than or equal to this
    /// value (inclusive); NaN confidences never pass. Range [0, 1]. Default 0.5 (Zoph et al. 2020).
    /// </summary>
    public float PixelConfidenceThreshold { get; set; } = DefaultPixelConfidenceThreshold;

    /// <summary>
    /// The teacher's output column holding its predicted class per pixel: a known-size vector of <see cref="byte"/>
    /// of the mask's size. Default <c>"PredictedMask"</c>.
    /// </summary>
    public string PredictedMaskColumnName { get; set; } = DefaultColumnNames.PredictedMask;

    /// <summary>
    /// The teacher's output column holding the probability of each pixel's predicted class: a known-size vector of
    /// <see cref="float"/> of the mask's size. Default <c>"Confidence"</c>.
    /// </summary>
    public string ConfidenceColumnName { get; set; } = DefaultColumnNames.Confidence;

    /// <summary>
    /// The number of classes K (background included) when the mask column has no
    /// <see cref="SegmentationMasks.ClassNamesAnnotation"/> annotation; when it has one, this must be
    /// <see langword="null"/> or agree with it. Range [2, 255]. Default <see langword="null"/> (from the annotation).
    /// </summary>
    public int? NumberOfClasses { get; set; }

    /// <summary>Checks the options and throws an exception that names the offending one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of its range.</exception>
    /// <exception cref="ArgumentException">A column name is empty.</exception>
    public void Validate()
    {
        if (!(PixelConfidenceThreshold is >= 0f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(PixelConfidenceThreshold), PixelConfidenceThreshold,
                $"{nameof(PixelConfidenceThreshold)} must be in [0, 1] (a pixel is kept when its confidence is greater than or equal to it); got {PixelConfidenceThreshold}.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(PredictedMaskColumnName, nameof(PredictedMaskColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(ConfidenceColumnName, nameof(ConfidenceColumnName));
        if (NumberOfClasses is { } k && k is < 2 or > SegmentationMasks.MaximumClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(NumberOfClasses), k,
                $"{nameof(NumberOfClasses)} must be between 2 and {SegmentationMasks.MaximumClassCount} (classes 0…K−1 of a byte mask, 255 being the ignore value) or null; got {k}.");
        }
    }
}
