namespace MLNet.SelfTraining;

/// <summary>What one round of self-training did: teacher scoring, pseudo-label selection and student training.</summary>
public sealed record SelfTrainingRound
{
    /// <summary>The round, from 1.</summary>
    public required int Round { get; init; }

    /// <summary>Unlabeled rows the teacher scored this round.</summary>
    public required long Scored { get; init; }

    /// <summary>Scored rows whose class probabilities (segmentation: every pixel's confidence) were NaN (e.g. NaN features); they are never selected.</summary>
    public required long InvalidScores { get; init; }

    /// <summary>Rows newly pseudo-labeled this round.</summary>
    public required long Selected { get; init; }

    /// <summary>Pseudo-labeled rows the student of this round trained on.</summary>
    public required long PseudoLabeled { get; init; }

    /// <summary>
    /// Per class (score slot order), the pseudo-labeled rows the student trained on; for segmentation, the pseudo-labeled
    /// images with at least one pseudo pixel of the class.
    /// </summary>
    public required IReadOnlyList<long> PseudoLabeledPerClass { get; init; }

    /// <summary>The teacher's mean confidence on the rows it selected this round (NaN when none).</summary>
    public required double MeanConfidence { get; init; }

    /// <summary>
    /// Accuracy of all pseudo labels the student trained on, against the diagnostic labels
    /// (<see cref="SelfTrainingOptions.DiagnosticLabelColumnName"/>); <see langword="null"/> without them.
    /// </summary>
    public required double? PseudoLabelAccuracy { get; init; }

    /// <summary>The teacher's mean log-loss on the human labels (L̄_h); NaN when the task cannot measure it (segmentation).</summary>
    public required double HumanLoss { get; init; }

    /// <summary>The teacher's mean log-loss on the selected pseudo labels (L̄_p).</summary>
    public required double PseudoLoss { get; init; }

    /// <summary>The example weight of a pseudo row before its class multiplicity (1 for human rows).</summary>
    public required double PseudoLabelWeight { get; init; }

    /// <summary>Wall time of the round.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>
    /// The validation score of the round's teacher (the model before this round's student) with the validation guard
    /// (<see cref="SelfTrainingOptions.Validation"/>); <see langword="null"/> when unguarded.
    /// </summary>
    public ValidationScore? TeacherValidation { get; init; }

    /// <summary>The validation score of the round's student with the validation guard; <see langword="null"/> when unguarded.</summary>
    public ValidationScore? StudentValidation { get; init; }

    /// <summary>
    /// The student trained this round when <see cref="SelfTrainingOptions.KeepRoundModels"/> is set; otherwise
    /// <see langword="null"/> (the last round's student is <see cref="SelfTrainingTransformer.Model"/>).
    /// </summary>
    public Microsoft.ML.ITransformer? Student { get; init; }
}
