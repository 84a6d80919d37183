namespace MLNet.SelfTraining;

/// <summary>
/// How an object detector's output becomes pseudo boxes (Zoph et al. 2020): per unlabeled image, the teacher's boxes
/// go through per-class non-maximum suppression, and those whose score is at least <see cref="ScoreThreshold"/> are
/// the image's pseudo boxes (at most <see cref="MaximumBoxesPerImage"/>). Every default is documented on its property.
/// </summary>
public sealed class PseudoBoxOptions
{
    /// <summary>The default of <see cref="ScoreThreshold"/>: 0.5, the paper's.</summary>
    public const float DefaultScoreThreshold = 0.5f;

    /// <summary>
    /// A teacher box is a pseudo box when its score is greater than or equal to this value (inclusive), after
    /// non-maximum suppression. Range [0, 1]. Default 0.5 (Zoph et al. 2020).
    /// </summary>
    public float ScoreThreshold { get; set; } = DefaultScoreThreshold;

    /// <summary>
    /// Per-class greedy non-maximum suppression over one image's teacher boxes, by descending score: a box whose
    /// intersection over union with a kept box of the same class is greater than this value is dropped. Range [0, 1];
    /// 1 turns suppression off. Default 0.5.
    /// </summary>
    public float NmsIouThreshold { get; set; } = 0.5f;

    /// <summary>The most pseudo boxes an image keeps (those of highest score). At least 1. Default 100.</summary>
    public int MaximumBoxesPerImage { get; set; } = 100;

    /// <summary>
    /// The human box column of the training data (the box classes are in <see cref="SelfTrainingOptions.LabelColumnName"/>):
    /// a variable-size vector of <see cref="float"/>, x0, y0, x1, y1 per box in pixels. Pseudo-labeled rows get a column
    /// of this name and type. Default <c>"Box"</c>.
    /// </summary>
    public string BoxColumnName { get; set; } = DefaultColumnNames.Box;

    /// <summary>
    /// The teacher's output column holding the class of each predicted box: a vector of Key&lt;UInt32&gt; with the key
    /// count of the label column. Default <c>"PredictedLabel"</c>.
    /// </summary>
    public string PredictedLabelColumnName { get; set; } = DefaultColumnNames.PredictedLabel;

    /// <summary>
    /// The teacher's output column holding the predicted boxes: a vector of <see cref="float"/>, 4 per box (x0, y0, x1,
    /// y1 in pixels). Default <c>"PredictedBoundingBoxes"</c>.
    /// </summary>
    public string PredictedBoundingBoxesColumnName { get; set; } = DefaultColumnNames.PredictedBoundingBoxes;

    /// <summary>The teacher's output column holding the score of each predicted box: a vector of <see cref="float"/>. Default <c>"Score"</c>.</summary>
    public string ScoreColumnName { get; set; } = DefaultColumnNames.Score;

    /// <summary>
    /// A column of the unlabeled data holding its true boxes (of the type of <see cref="BoxColumnName"/>), read with
    /// <see cref="SelfTrainingOptions.DiagnosticLabelColumnName"/> holding their true classes, for
    /// <see cref="SelfTrainingRound.PseudoLabelAccuracy"/> only; set both or neither. Default <see langword="null"/>.
    /// </summary>
    public string? DiagnosticBoxColumnName { get; set; }

    /// <summary>Checks the options and throws an exception that names the offending one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of its range.</exception>
    /// <exception cref="ArgumentException">A column name is empty.</exception>
    public void Validate()
    {
        if (!(ScoreThreshold is >= 0f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(ScoreThreshold), ScoreThreshold,
                $"{nameof(ScoreThreshold)} must be in [0, 1] (a box is kept when its score is greater than or equal to it); got {ScoreThreshold}.");
        }

        if (!(NmsIouThreshold is >= 0f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(NmsIouThreshold), NmsIouThreshold,
                $"{nameof(NmsIouThreshold)} must be in [0, 1] (a box is suppressed when its IoU with a kept box of its class is greater than it; 1 turns suppression off); got {NmsIouThreshold}.");
        }

        if (MaximumBoxesPerImage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumBoxesPerImage), MaximumBoxesPerImage,
                $"{nameof(MaximumBoxesPerImage)} must be at least 1; got {MaximumBoxesPerImage}.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(BoxColumnName, nameof(BoxColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(PredictedLabelColumnName, nameof(PredictedLabelColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(PredictedBoundingBoxesColumnName, nameof(PredictedBoundingBoxesColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(ScoreColumnName, nameof(ScoreColumnName));
        if (DiagnosticBoxColumnName is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(DiagnosticBoxColumnName, nameof(DiagnosticBoxColumnName));
        }
    }

    /// <summary>A copy of these options.</summary>
    internal PseudoBoxOptions Clone() => (PseudoBoxOptions)MemberwiseClone();
}
