using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Schema;

namespace MLNet.SelfTraining.Students;

/// <summary>
/// What the student pipeline reads besides the training columns: the example weight column and, for a trainer that
/// consumes pseudo-label columns (<see cref="IPseudoLabelConsumer"/>), its flag and soft-target columns. The consumer is
/// found wherever it sits in the pipeline: it registers itself with the <see cref="StudentContext"/> while the pipeline
/// computes its output schema.
/// </summary>
internal sealed class StudentPlan
{
    private StudentPlan(string? weightColumn, IPseudoLabelConsumer? consumer, IReadOnlyList<string> notes)
    {
        WeightColumn = weightColumn;
        Consumer = consumer;
        Notes = notes;
    }

    /// <summary>The example weight column the student reads (and the self-training stage writes), if any.</summary>
    public string? WeightColumn { get; }

    /// <summary>The student trainer that reads pseudo-label columns and normalizes its loss itself, if any.</summary>
    public IPseudoLabelConsumer? Consumer { get; }

    /// <summary>Warnings for the log: how the weight column was chosen when it could not be read from the trainer.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Finds the student's weight column and pseudo-label consumer.</summary>
    /// <param name="student">The student pipeline.</param>
    /// <param name="input">The shape of the training data given to the self-training stage.</param>
    /// <param name="options">The self-training options (an explicit weight column wins).</param>
    /// <param name="context">The run's context, entered while the pipeline is asked for its output schema.</param>
    public static StudentPlan Create(IEstimator<ITransformer> student, SchemaShape input, SelfTrainingOptions options, StudentContext context)
    {
        var last = StudentInspector.LastEstimator(student);
        var (isTrainer, trainerWeight) = StudentInspector.WeightColumn(last);
        var probeWeight = options.ExampleWeightColumnName ?? trainerWeight ?? DefaultColumnNames.Weight;
        using (context.Enter())
        {
            try
            {
                // The default flag column is offered too, so estimators before a consumer that read it let the probe reach it.
                student.GetOutputSchema(ShapeColumns.With(input, [(probeWeight, NumberDataViewType.Single), (DefaultColumnNames.IsPseudoLabel, BooleanDataViewType.Instance)]));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Only the registrations matter here; Check reports schema errors with the planned columns in place.
            }
        }

        var consumers = context.Consumers;
        if (consumers.Count > 1)
        {
            throw new ArgumentException(
                $"The student pipeline was expected to hold one trainer that reads pseudo-label columns; got {consumers.Count} ({string.Join(", ", consumers.Select(c => c.GetType().Name))}).",
                nameof(SelfTrainingOptions.Student));
        }

        var consumer = consumers.Count == 1 ? consumers[0] : null;
        var notes = new List<string>();
        string? weight;
        if (options.ExampleWeightColumnName is { } explicitWeight)
        {
            weight = explicitWeight;
        }
        else if (consumer is not null)
        {
            weight = consumer.ExampleWeightColumnName;
        }
        else if (isTrainer)
        {
            weight = trainerWeight;
            if (weight is null)
            {
                notes.Add($"The student trainer {last.GetType().Name} reads no example weights, so pseudo-labeled rows count as human rows (no loss normalization, no class multiplicity). Create it with exampleWeightColumnName: \"{DefaultColumnNames.Weight}\" to enable them.");
            }
        }
        else
        {
            weight = DefaultColumnNames.Weight;
            notes.Add($"The student pipeline ends with {last.GetType().Name}, not with its trainer, so the trainer's example weight column cannot be read: pseudo-label weights are written to '{DefaultColumnNames.Weight}'. If the trainer reads another column, set {nameof(SelfTrainingOptions)}.{nameof(SelfTrainingOptions.ExampleWeightColumnName)}.");
        }

        return new StudentPlan(weight, consumer, notes);
    }

    /// <summary>
    /// The columns the self-training stage adds to the student's (and the teacher's) training rows, for schema checks:
    /// the soft-target vector's size is the task's and is not part of a shape, so a placeholder size stands in.
    /// </summary>
    public IReadOnlyList<(string Name, DataViewType Type)> AddedColumns()
    {
        var added = new List<(string, DataViewType)>();
        if (WeightColumn is not null)
        {
            added.Add((WeightColumn, NumberDataViewType.Single));
        }

        if (Consumer is not null)
        {
            added.Add((Consumer.PseudoLabelFlagColumnName, BooleanDataViewType.Instance));
            if (Consumer.SoftLabelColumnName is { } soft)
            {
                added.Add((soft, new VectorDataViewType(NumberDataViewType.Single, 2)));
            }
        }

        return added;
    }

    /// <summary>
    /// The student's output shape on <paramref name="input"/> plus the added columns (which are removed from the result
    /// unless the input has them). Throws an error naming the student and the added columns when the student cannot
    /// train on them.
    /// </summary>
    public SchemaShape CheckedOutput(IEstimator<ITransformer> student, SchemaShape input, StudentContext context)
    {
        var added = AddedColumns().Where(c => !input.Any(i => i.Name == c.Name)).ToList();
        using (context.Enter())
        {
            try
            {
                return ShapeColumns.Without(student.GetOutputSchema(ShapeColumns.With(input, added)), added.Select(c => c.Name));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                var columns = added.Count == 0 ? "none" : string.Join(", ", added.Select(c => $"'{c.Name}'"));
                throw new ArgumentException(
                    $"The student pipeline was expected to train on the training columns plus the columns self-training adds ({columns}); it failed with: {e.Message}"
                    + (e.Message.Contains("weight", StringComparison.OrdinalIgnoreCase)
                        ? $" Set {nameof(SelfTrainingOptions)}.{nameof(SelfTrainingOptions.ExampleWeightColumnName)} to the example weight column the student's trainer reads."
                        : string.Empty),
                    nameof(SelfTrainingOptions.Student), e);
            }
        }
    }
}
