namespace MLNet.SelfTraining.PseudoLabeling;

/// <summary>
/// How pseudo labels are selected from a teacher's class probabilities. Selection runs in this order: confidence
/// threshold, then a per-class or a global cap on the most confident rows, then optional class balancing.
/// </summary>
public class PseudoLabelOptions
{
    /// <summary>
    /// A row is a candidate when its confidence (the largest class probability) is strictly greater than this value,
    /// as in scikit-learn's <c>SelfTrainingClassifier</c>. Range [0, 1). Default 0.75 (scikit-learn's default).
    /// </summary>
    public double ConfidenceThreshold { get; set; } = 0.75;

    /// <summary>
    /// Per-class thresholds that replace <see cref="ConfidenceThreshold"/>, in the order of the teacher's score slots
    /// (the label's key values). Default <see langword="null"/> (one threshold for all classes).
    /// </summary>
    public IReadOnlyList<double>? ClassThresholds { get; set; }

    /// <summary>
    /// Keep at most this many of the most confident candidates per predicted class (ties at the cut are kept).
    /// Default <see langword="null"/> (no cap).
    /// </summary>
    public int? MaximumPerClass { get; set; }

    /// <summary>
    /// Keep at most this many of the most confident candidates overall, like scikit-learn's <c>k_best</c>
    /// (ties at the cut are kept). Cannot be combined with <see cref="MaximumPerClass"/> or
    /// <see cref="BalanceClasses"/>. Default <see langword="null"/> (no cap).
    /// </summary>
    public int? MaximumSelected { get; set; }

    /// <summary>
    /// Balance classes as Noisy Student does: classes with more than <see cref="SamplesPerClass"/> candidates keep
    /// their most confident ones (ties at the cut are kept); classes with fewer get a multiplicity of
    /// <c>SamplesPerClass / count</c>, applied as the student's example weight (a student without an example weight column
    /// ignores it, and self-training logs a warning). Default <see langword="false"/>.
    /// </summary>
    public bool BalanceClasses { get; set; }

    /// <summary>
    /// Target rows per class when <see cref="BalanceClasses"/> is on. Default <see langword="null"/>: the mean number
    /// of candidates over the classes that have any, rounded up.
    /// </summary>
    public int? SamplesPerClass { get; set; }

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> that names the offending one.</summary>
    /// <param name="classCount">The number of classes, when known, to check <see cref="ClassThresholds"/>.</param>
    public void Validate(int? classCount = null)
    {
        CheckThreshold(ConfidenceThreshold, nameof(ConfidenceThreshold));
        if (ClassThresholds is not null)
        {
            for (int i = 0; i < ClassThresholds.Count; i++)
            {
                CheckThreshold(ClassThresholds[i], $"{nameof(ClassThresholds)}[{i}]");
            }

            if (classCount is not null && ClassThresholds.Count != classCount)
            {
                throw new ArgumentException(
                    $"{nameof(ClassThresholds)} must have one value per class: expected {classCount}, got {ClassThresholds.Count}.",
                    nameof(ClassThresholds));
            }
        }

        CheckPositive(MaximumPerClass, nameof(MaximumPerClass));
        CheckPositive(MaximumSelected, nameof(MaximumSelected));
        CheckPositive(SamplesPerClass, nameof(SamplesPerClass));
        if (MaximumSelected is not null && (MaximumPerClass is not null || BalanceClasses))
        {
            throw new ArgumentException(
                $"{nameof(MaximumSelected)} (a global cap) cannot be combined with {nameof(MaximumPerClass)} or {nameof(BalanceClasses)} (per-class rules); got {nameof(MaximumSelected)}={MaximumSelected}, {nameof(MaximumPerClass)}={MaximumPerClass?.ToString() ?? "null"}, {nameof(BalanceClasses)}={BalanceClasses}.",
                nameof(MaximumSelected));
        }
    }

    /// <summary>A copy whose <see cref="ConfidenceThreshold"/> is <paramref name="threshold"/>.</summary>
    internal PseudoLabelOptions WithThreshold(double threshold)
    {
        var copy = (PseudoLabelOptions)MemberwiseClone();
        copy.ConfidenceThreshold = threshold;
        return copy;
    }

    /// <summary>The threshold that applies to <paramref name="classIndex"/>.</summary>
    internal double ThresholdOf(int classIndex) => ClassThresholds?[classIndex] ?? ConfidenceThreshold;

    private static void CheckThreshold(double value, string name)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1) (a row is kept when its confidence is strictly greater); got {value}.");
        }
    }

    private static void CheckPositive(int? value, string name)
    {
        if (value is not null && value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1 or null; got {value}.");
        }
    }
}
