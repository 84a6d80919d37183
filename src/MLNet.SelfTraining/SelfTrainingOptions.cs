using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining;

/// <summary>Options of <see cref="SelfTrainingEstimator"/>. Every default is documented on its property.</summary>
public sealed class SelfTrainingOptions
{
    /// <summary>
    /// The label column of the training data. Rows whose label is missing (key 0, NaN, empty text) are unlabeled.
    /// Pseudo labels are written into this column for the student. Default <c>"Label"</c>.
    /// </summary>
    public string LabelColumnName { get; set; } = DefaultColumnNames.Label;

    /// <summary>
    /// The teacher's probability column: <see langword="null"/> (default) means <c>"Score"</c> for multiclass and
    /// <c>"Probability"</c> for binary classification.
    /// </summary>
    public string? ScoreColumnName { get; set; }

    /// <summary>
    /// Rounds of teacher → pseudo labels → student; the student of a round is the next round's teacher. 0 is plain
    /// supervised training on the labeled rows. Default 10 (scikit-learn's <c>max_iter</c>).
    /// </summary>
    public int MaximumIterations { get; set; } = 10;

    /// <summary>How pseudo labels are selected. Default: confidence strictly above 0.75, no caps, no balancing.</summary>
    public PseudoLabelOptions Selection { get; set; } = new();

    /// <summary>
    /// How pseudo rows are weighted for trainers that read example weights: <see cref="PseudoLabelWeighting.Fixed"/>
    /// gives every pseudo row the weight α (<see cref="PseudoLabelWeight"/>), scikit-learn's behaviour with α = 1;
    /// <see cref="PseudoLabelWeighting.Normalized"/> is the example-weight form of the paper's loss normalization.
    /// Students that implement <see cref="Students.IPseudoLabelConsumer"/> apply the normalization per batch
    /// themselves. Default <see cref="PseudoLabelWeighting.Fixed"/>.
    /// </summary>
    public PseudoLabelWeighting Weighting { get; set; } = PseudoLabelWeighting.Fixed;

    /// <summary>
    /// α, the weight of the pseudo-labeled part of the objective relative to the human part, for every student: the
    /// example weight of pseudo rows for ML.NET trainers, the pseudo-loss weight of the normalized loss for students that
    /// implement <see cref="Students.IPseudoLabelConsumer"/> (through <see cref="Students.StudentContext"/>). Must be
    /// positive. Default 1.
    /// </summary>
    public double PseudoLabelWeight { get; set; } = 1.0;

    /// <summary>
    /// When <see langword="true"/>, each round's teacher re-scores every unlabeled row, so earlier pseudo labels can
    /// change or be dropped (Noisy Student's rounds); the run then goes on when every row carries a pseudo label and
    /// stops at <see cref="MaximumIterations"/> or when a round changes no pseudo label. Default <see langword="false"/>
    /// (scikit-learn: pseudo labels are never revised; the run stops once every row carries one).
    /// </summary>
    public bool RescorePseudoLabels { get; set; }

    /// <summary>
    /// When <see langword="true"/>, every round's student is kept in <see cref="SelfTrainingRound.Student"/> (to evaluate
    /// 1 vs 2 vs 3 rounds from one fit). Default <see langword="false"/>: a round's student is disposed (when it is
    /// <see cref="System.IDisposable"/>) as soon as the next round's student is trained.
    /// </summary>
    public bool KeepRoundModels { get; set; }

    /// <summary>The student pipeline; <see langword="null"/> (default) trains the teacher's pipeline again.</summary>
    public Microsoft.ML.IEstimator<Microsoft.ML.ITransformer>? Student { get; set; }

    /// <summary>
    /// When <see langword="true"/>, each round's student starts from the parameters of that round's teacher instead of
    /// from scratch; the student's trainer must implement <see cref="Students.IWarmStartStudent"/> (checked at fit).
    /// Zoph et al. 2020 and Noisy Student start students from scratch (or from their trainer's own initial model).
    /// Default <see langword="false"/>.
    /// </summary>
    public bool InitializeStudentFromTeacher { get; set; }

    /// <summary>
    /// The example weight column the trainers read. <see langword="null"/> (default) takes it from the student's
    /// trainer: <see cref="Students.IPseudoLabelConsumer.ExampleWeightColumnName"/>, or the <c>exampleWeightColumnName</c>
    /// of an ML.NET trainer that ends the student pipeline; when the pipeline ends with another estimator (e.g.
    /// <c>MapKeyToValue</c>), <c>"Weight"</c>. A trainer that reads no weights trains on unweighted rows, and a warning
    /// is logged.
    /// </summary>
    public string? ExampleWeightColumnName { get; set; }

    /// <summary>
    /// A column of the unlabeled data holding true labels, used only to report pseudo-label accuracy per round; the
    /// learner never sees it. Default <see langword="null"/>.
    /// </summary>
    public string? DiagnosticLabelColumnName { get; set; }

    /// <summary>
    /// Stops the run: between rounds, between blocks of scored rows, while a trainer reads its training rows, and within
    /// a step for students that implement <see cref="Students.IPseudoLabelConsumer"/> (through
    /// <see cref="Students.StudentContext"/>). A cancelled fit throws <see cref="OperationCanceledException"/>, never
    /// returns a model, and leaves nothing half-written behind. (ML.NET 5 keeps <c>MLContext.CancelExecution</c>
    /// internal, so cancellation is a token.) Default: none.
    /// </summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>
    /// Receives the run's progress: the round, the stage (teacher or student training started and finished, rows scored
    /// of the total, pseudo labels selected) and, for students that report them through
    /// <see cref="Students.StudentContext.ReportTrainingSteps"/> (the TorchSharp classifier does), training steps done of
    /// the total; see <see cref="SelfTrainingStage"/>. Reports are made synchronously on the thread that fits, so a
    /// handler must be quick and must not throw (an exception stops the fit). <see cref="Progress{T}"/> posts each
    /// report to the <see cref="SynchronizationContext"/> captured when it was created — in a console application the
    /// thread pool, so reports can then arrive out of order and after <c>Fit</c> returns; implement
    /// <see cref="IProgress{T}"/> directly to handle them in order. Reporting never changes training. Default
    /// <see langword="null"/>: no reports.
    /// </summary>
    public IProgress<SelfTrainingProgress>? Progress { get; set; }

    /// <summary>
    /// The validation guard: each round's student is compared with the model before it on labeled rows neither was
    /// trained on, and the best model — possibly the teacher — is returned. Default: on, accuracy, patience 1; 5-fold
    /// cross-validation below 500 labeled rows with an ML.NET student, else a stratified 20 % hold-out; the returned
    /// model retrained on every labeled row; a student that reads pseudo-label columns (the TorchSharp image students)
    /// unguarded unless a method is chosen (see <see cref="ValidationOptions"/>).
    /// </summary>
    public ValidationOptions Validation { get; set; } = new();

    /// <summary>
    /// Scores each round's unlabeled rows in shards, by worker processes or a cluster (see <see cref="ShardingOptions"/>),
    /// with the same pseudo labels as in-process scoring; the teacher must be a model ML.NET can save. Default
    /// <see langword="null"/>: the rows are scored in this process, in one streaming pass.
    /// </summary>
    public ShardingOptions? Sharding { get; set; }

    /// <summary>Checks the options and throws an exception that names the offending one.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumnName, nameof(LabelColumnName));
        if (MaximumIterations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumIterations), MaximumIterations, $"{nameof(MaximumIterations)} must be 0 or more; got {MaximumIterations}.");
        }

        if (!(PseudoLabelWeight > 0) || double.IsInfinity(PseudoLabelWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(PseudoLabelWeight), PseudoLabelWeight, $"{nameof(PseudoLabelWeight)} (α) must be a positive finite number; got {PseudoLabelWeight}.");
        }

        ArgumentNullException.ThrowIfNull(Selection, nameof(Selection));
        Selection.Validate();
        ArgumentNullException.ThrowIfNull(Validation, nameof(Validation));
        Validation.Validate();
        Sharding?.Validate();
        if (Validation.Enabled && Validation.ConfidenceThresholds is not null && Selection.ClassThresholds is not null)
        {
            throw new ArgumentException(
                $"{nameof(ValidationOptions)}.{nameof(ValidationOptions.ConfidenceThresholds)} chooses one threshold for every class and cannot be combined with {nameof(Selection)}.{nameof(PseudoLabelOptions.ClassThresholds)}; got both set.",
                nameof(Validation));
        }
    }

    /// <summary>A copy whose rounds are <paramref name="maximumIterations"/> and whose threshold is <paramref name="threshold"/>.</summary>
    internal SelfTrainingOptions With(int maximumIterations, double threshold)
    {
        var copy = (SelfTrainingOptions)MemberwiseClone();
        copy.MaximumIterations = maximumIterations;
        copy.Selection = Selection.WithThreshold(threshold);
        return copy;
    }
}
