namespace MLNet.SelfTraining;

/// <summary>Which labeled rows the validation guard (<see cref="ValidationOptions"/>) measures models on.</summary>
public enum ValidationMethod
{
    /// <summary>
    /// <see cref="CrossValidation"/> when fewer than <see cref="ValidationOptions.CrossValidationBelow"/> rows are
    /// labeled and the student is an ML.NET trainer (a fit costs seconds), <see cref="HoldOut"/> otherwise — many labeled
    /// rows, or a student that reads pseudo-label columns (<see cref="Students.IPseudoLabelConsumer"/>, e.g. the
    /// TorchSharp image students, whose fit costs minutes).
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
