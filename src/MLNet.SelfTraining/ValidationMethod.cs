namespace MLNet.SelfTraining;

/// <summary>Which labeled rows the validation guard (<see cref="ValidationOptions"/>) measures models on.</summary>
public enum ValidationMethod
{
    /// <summary>
    /// For an ML.NET student: <see cref="CrossValidation"/> when fewer than
    /// <see cref="ValidationOptions.CrossValidationBelow"/> rows are labeled (a fit costs seconds, and a hold-out of a
    /// few rows cannot tell a few points apart), <see cref="HoldOut"/> otherwise. A student that reads pseudo-label
    /// columns (<see cref="Students.IPseudoLabelConsumer"/>, e.g. the TorchSharp image students, whose every validation
    /// run costs a full fit of minutes) is left unguarded, and <see cref="SelfTrainingTransformer.Verdict"/> says so:
    /// choose <see cref="HoldOut"/> (or pass <see cref="ValidationOptions.ValidationData"/>) to guard it.
    /// </summary>
    Auto,

    /// <summary>
    /// A stratified part of the labeled rows (<see cref="ValidationOptions.HoldOutFraction"/>) is held out: the rounds
    /// train on the rest and are measured on it. One run per threshold; the right choice when a fit costs minutes (image
    /// students).
    /// </summary>
    HoldOut,

    /// <summary>
    /// Stratified k-fold cross-validation on the labeled rows (<see cref="ValidationOptions.Folds"/>): one run per fold,
    /// rounds in step, decisions on the mean over folds; the returned model is then trained on every labeled row. Less
    /// noisy than a hold-out when labeled rows are few, and k times its cost.
    /// </summary>
    CrossValidation,
}
