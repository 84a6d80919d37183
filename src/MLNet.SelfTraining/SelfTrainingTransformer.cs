using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining;

/// <summary>
/// The result of <see cref="SelfTrainingEstimator.Fit"/>: the final model (the last student, or the teacher when no
/// round selected anything) plus scikit-learn-style bookkeeping of the run.
/// </summary>
/// <remarks>
/// <para>Transforming and saving delegate to <see cref="Model"/>: <c>mlContext.Model.Save</c> writes the model's own
/// ML.NET transformer chain, which <c>mlContext.Model.Load</c> reads back without this library (as a
/// <c>TransformerChain</c>; the bookkeeping is not saved).</para>
/// <para>Output columns are the model's: for ML.NET classifiers <c>Score</c>, <c>PredictedLabel</c> (and
/// <c>Probability</c> for binary).</para>
/// <para>It owns <see cref="Model"/>, <see cref="Teacher"/> and any kept round students: <see cref="Dispose"/> disposes
/// those that are <see cref="IDisposable"/> (e.g. TorchSharp classifiers holding native memory). Without
/// <see cref="SelfTrainingOptions.KeepRoundModels"/>, students of earlier rounds were already disposed during the fit.</para>
/// </remarks>
public sealed class SelfTrainingTransformer : ITransformer, IDisposable
{
    internal SelfTrainingTransformer(ITransformer model, ITransformer teacher, IReadOnlyList<SelfTrainingRound> rounds,
        SelfTrainingStopReason stopReason, IReadOnlyList<int> labeledIteration, IReadOnlyList<int> pseudoLabels, SelfTrainingValidation? validation, string verdict)
    {
        Model = model;
        Teacher = teacher;
        Rounds = rounds;
        StopReason = stopReason;
        LabeledIteration = labeledIteration;
        PseudoLabels = pseudoLabels;
        Validation = validation;
        Verdict = verdict;
    }

    /// <summary>
    /// The final model: the last round's student, or the teacher when no round ran or selected anything; with the
    /// validation guard, the best model on validation (<see cref="Validation"/>), possibly the teacher.
    /// </summary>
    public ITransformer Model { get; }

    /// <summary>The first teacher, trained on the human-labeled rows only (the supervised baseline).</summary>
    public ITransformer Teacher { get; }

    /// <summary>
    /// One record per round that trained a student, in the run that produced <see cref="Model"/> (with the guard's
    /// refit, the replayed rounds, carrying the validation scores the guard measured for them).
    /// </summary>
    public IReadOnlyList<SelfTrainingRound> Rounds { get; }

    /// <summary>Why the run stopped (<see cref="SelfTrainingStopReason.NoImprovement"/> when the validation guard stopped it).</summary>
    public SelfTrainingStopReason StopReason { get; }

    /// <summary>What the validation guard measured and decided; <see langword="null"/> when the fit was not validated (see <see cref="Verdict"/>).</summary>
    public SelfTrainingValidation? Validation { get; }

    /// <summary>
    /// One line for the user: "self-training helped by +x on validation …", "self-training did not help on validation;
    /// the teacher is returned …", or why the fit was not validated.
    /// </summary>
    public string Verdict { get; }

    /// <summary>
    /// Per unlabeled row (rows of the training data with a missing label first, then the separate unlabeled data, each
    /// in order): the round it was pseudo-labeled in, or −1 if never (scikit-learn's <c>labeled_iter_</c>).
    /// </summary>
    public IReadOnlyList<int> LabeledIteration { get; }

    /// <summary>Per unlabeled row, the class index (score slot) of its final pseudo label, or −1 (scikit-learn's <c>transduction_</c>).</summary>
    public IReadOnlyList<int> PseudoLabels { get; }

    /// <inheritdoc/>
    public bool IsRowToRowMapper => Model.IsRowToRowMapper;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Model.GetOutputSchema(inputSchema);

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Model.GetRowToRowMapper(inputSchema);

    /// <inheritdoc/>
    public IDataView Transform(IDataView input) => Model.Transform(input);

    /// <summary>Saves <see cref="Model"/>'s ML.NET transformer chain (see remarks).</summary>
    public void Save(ModelSaveContext ctx) => Model.Save(ctx);

    /// <summary>Disposes <see cref="Model"/>, <see cref="Teacher"/> and the kept round students that are <see cref="IDisposable"/>.</summary>
    public void Dispose()
    {
        var owned = Rounds.Select(r => r.Student).Append(Model).Append(Teacher).OfType<IDisposable>();
        foreach (var model in owned.Distinct<IDisposable>(ReferenceEqualityComparer.Instance))
        {
            model.Dispose();
        }
    }
}
