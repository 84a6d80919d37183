namespace MLNet.SelfTraining;

/// <summary>Default column names used by MLNet.SelfTraining, next to ML.NET's <c>Label</c>, <c>Features</c>, <c>Score</c> and <c>PredictedLabel</c>.</summary>
public static class DefaultColumnNames
{
    /// <summary><c>Label</c>, ML.NET's default label column.</summary>
    public const string Label = "Label";

    /// <summary><c>Score</c>, ML.NET's default score column.</summary>
    public const string Score = "Score";

    /// <summary><c>Probability</c>, the calibrated probability of ML.NET's binary classifiers.</summary>
    public const string Probability = "Probability";

    /// <summary><c>PredictedLabel</c>, ML.NET's default predicted label column.</summary>
    public const string PredictedLabel = "PredictedLabel";

    /// <summary><c>Weight</c>, the example weight column the self-training estimator writes when the trainer reads none.</summary>
    public const string Weight = "Weight";

    /// <summary><c>PseudoLabel</c>.</summary>
    public const string PseudoLabel = "PseudoLabel";

    /// <summary><c>PseudoLabelConfidence</c>.</summary>
    public const string PseudoLabelConfidence = "PseudoLabelConfidence";

    /// <summary><c>PseudoLabelSelected</c>.</summary>
    public const string PseudoLabelSelected = "PseudoLabelSelected";

    /// <summary><c>PseudoLabelWeight</c>.</summary>
    public const string PseudoLabelWeight = "PseudoLabelWeight";

    /// <summary><c>SoftLabel</c>, class probabilities used as soft targets.</summary>
    public const string SoftLabel = "SoftLabel";

    /// <summary><c>IsPseudoLabel</c>, the flag that marks pseudo-labeled rows for students that read it.</summary>
    public const string IsPseudoLabel = "IsPseudoLabel";

    /// <summary><c>Features</c>, ML.NET's default feature column; for images, a known-size vector of C×H×W pixels.</summary>
    public const string Features = "Features";

    /// <summary><c>Mask</c>, a segmentation mask: one <see cref="byte"/> class per pixel (see <see cref="SegmentationMasks"/>).</summary>
    public const string Mask = "Mask";

    /// <summary><c>PredictedMask</c>, the predicted class of each pixel (same type as <see cref="Mask"/>).</summary>
    public const string PredictedMask = "PredictedMask";

    /// <summary><c>Confidence</c>, a segmenter's per-pixel confidence: the probability of each pixel's predicted class.</summary>
    public const string Confidence = "Confidence";

    /// <summary><c>Labels</c>, ML.NET's object-detection label column: one class key per box.</summary>
    public const string Labels = "Labels";

    /// <summary><c>Box</c>, ML.NET's object-detection box column: 4 <see cref="float"/> per box (x0, y0, x1, y1 in pixels).</summary>
    public const string Box = "Box";

    /// <summary><c>PredictedBoundingBoxes</c>, ML.NET's predicted box column (4 <see cref="float"/> per box).</summary>
    public const string PredictedBoundingBoxes = "PredictedBoundingBoxes";
}
