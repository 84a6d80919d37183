using Microsoft.ML;

namespace MLNet.SelfTraining;

/// <summary>
/// The validation guard of <see cref="SelfTrainingEstimator"/> (<see cref="SelfTrainingOptions.Validation"/>), on by
/// default: each round's student is measured against the model before it on labeled rows neither was trained on, the
/// rounds stop when the student does not beat it, and the best model — possibly the teacher — is returned
/// (<see cref="SelfTrainingTransformer.Validation"/>, <see cref="SelfTrainingTransformer.Verdict"/>). Classification
/// only for now: segmentation and detection self-train unguarded and log a warning. By default
/// (<see cref="ValidationMethod.Auto"/>) a student that reads pseudo-label columns is not guarded either (see there).
/// Every default is documented on its property.
/// </summary>
/// <remarks>
/// Held-out rows need at least two labeled rows of every class (one to train on, one to hold out). With fewer, and no
/// <see cref="ValidationData"/>, the fit falls back to unguarded self-training, logs a warning and says so in
/// <see cref="SelfTrainingTransformer.Verdict"/>.
/// </remarks>
public sealed class ValidationOptions
{
    /// <summary>Whether the guard runs. Default <see langword="true"/>; <see langword="false"/> self-trains every round unguarded.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How labeled rows are held out when <see cref="ValidationData"/> is <see langword="null"/>. Default
    /// <see cref="ValidationMethod.Auto"/>: for an ML.NET student, cross-validation below
    /// <see cref="CrossValidationBelow"/> labeled rows and a hold-out from there (a hold-out of a few rows cannot tell a
    /// few points of accuracy apart; cross-validation costs up to <see cref="Folds"/> runs); a student that reads
    /// pseudo-label columns (the TorchSharp image students) is left unguarded unless a method or
    /// <see cref="ValidationData"/> is chosen.
    /// </summary>
    public ValidationMethod Method { get; set; } = ValidationMethod.Auto;

    /// <summary>
    /// With <see cref="ValidationMethod.Auto"/>, the number of labeled rows from which a hold-out is used instead of
    /// cross-validation. At least 1. Default 500 (a 20 % hold-out of 100 rows or more).
    /// </summary>
    public int CrossValidationBelow { get; set; } = 500;

    /// <summary>
    /// The share of each class's labeled rows held out by <see cref="ValidationMethod.HoldOut"/> (rounded, at least one
    /// row and at most all but one per class). Range (0, 1). Default 0.2.
    /// </summary>
    public double HoldOutFraction { get; set; } = 0.2;

    /// <summary>The folds of <see cref="ValidationMethod.CrossValidation"/> (stratified by class). At least 2. Default 5.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>What models are compared by. Default <see cref="ValidationMetric.Accuracy"/>.</summary>
    public ValidationMetric Metric { get; set; } = ValidationMetric.Accuracy;

    /// <summary>
    /// How much a student must beat the model before it by (in the metric's units, e.g. 0.01 = one point of accuracy)
    /// to count as an improvement. At least 0. Default 0: any strict improvement.
    /// </summary>
    public double Tolerance { get; set; }

    /// <summary>
    /// Rounds in a row without improvement before the guard stops. At least 1. Default 1: the first student that does
    /// not beat its teacher ends the rounds.
    /// </summary>
    public int Patience { get; set; } = 1;

    /// <summary>
    /// With a hold-out (<see cref="ValidationMethod.HoldOut"/>), whether the returned model is trained again on every
    /// labeled row: the chosen number of rounds (and threshold) replayed on all of them, at the cost of one more run.
    /// Default <see langword="true"/>. Cross-validation always trains the returned model on every labeled row, and
    /// <see cref="ValidationData"/> leaves every labeled row to training, so neither refits.
    /// </summary>
    public bool RefitOnAllLabeled { get; set; } = true;

    /// <summary>
    /// Labeled rows kept apart from training to validate on, instead of holding out labeled training rows. It must have
    /// the label column and every column of the training data the pipeline reads, with the same types, and at least one
    /// row of every class. Default <see langword="null"/>: rows are held out (<see cref="Method"/>).
    /// </summary>
    public IDataView? ValidationData { get; set; }

    /// <summary>
    /// Confidence thresholds to choose from by the same validation: each is run (guarded) and the one whose best model
    /// scores best is kept (the first listed on a tie), replacing <see cref="PseudoLabeling.PseudoLabelOptions.ConfidenceThreshold"/>.
    /// Each in [0, 1); cannot be combined with per-class thresholds. Default <see langword="null"/>: the selection's
    /// own threshold, no search.
    /// </summary>
    public IReadOnlyList<double>? ConfidenceThresholds { get; set; }

    /// <summary>The seed of the stratified hold-out and folds: the same seed and data give the same decisions. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Checks the options and throws an exception that names the offending one.</summary>
    public void Validate()
    {
        if (!(HoldOutFraction > 0 && HoldOutFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(HoldOutFraction), HoldOutFraction, $"{nameof(HoldOutFraction)} must be in (0, 1); got {HoldOutFraction}.");
        }

        if (Folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Folds), Folds, $"{nameof(Folds)} must be at least 2; got {Folds}.");
        }

        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, $"{nameof(Tolerance)} must be a finite number, 0 or more; got {Tolerance}.");
        }

        if (CrossValidationBelow < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CrossValidationBelow), CrossValidationBelow, $"{nameof(CrossValidationBelow)} must be at least 1; got {CrossValidationBelow}.");
        }

        if (Patience < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Patience), Patience, $"{nameof(Patience)} must be at least 1; got {Patience}.");
        }

        if (ConfidenceThresholds is { } grid)
        {
            if (grid.Count == 0)
            {
                throw new ArgumentException($"{nameof(ConfidenceThresholds)} must hold at least one threshold, or be null; got an empty list.", nameof(ConfidenceThresholds));
            }

            for (int i = 0; i < grid.Count; i++)
            {
                if (!(grid[i] >= 0 && grid[i] < 1))
                {
                    throw new ArgumentOutOfRangeException(nameof(ConfidenceThresholds), grid[i], $"{nameof(ConfidenceThresholds)}[{i}] must be in [0, 1); got {grid[i]}.");
                }
            }
        }
    }
}
