using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Training;

namespace MLNet.SelfTraining;

/// <summary>
/// Self-training (Zoph et al., NeurIPS 2020) around any ML.NET classification pipeline: train a teacher on the
/// labeled rows, pseudo-label the unlabeled rows with it, train a student on human and pseudo labels, and repeat with
/// the student as teacher.
/// </summary>
/// <remarks>
/// <para>Input columns: whatever the teacher and student pipelines read, plus the label column
/// (<see cref="SelfTrainingOptions.LabelColumnName"/>): a UInt32 key, Text or Single for multiclass (the latter two
/// mapped to keys inside the pipeline), Boolean for binary. Rows whose label is missing are unlabeled, as are the
/// rows of the separate unlabeled data, whose label column (if any) is never read.</para>
/// <para>Output columns: the student's, e.g. <c>Score</c> and <c>PredictedLabel</c>.</para>
/// <para>Pseudo-labeled rows carry the paper's loss normalization as example weights
/// (<see cref="PseudoLabelWeighting"/>) for trainers that read weights; students that implement
/// <see cref="Students.IPseudoLabelConsumer"/> get the pseudo flag and soft targets instead. The unlabeled data is
/// scored lazily by cursor and only the selected rows are written (to an ML.NET binary file in
/// <see cref="MLContext.TempFilePath"/>, deleted afterwards).</para>
/// </remarks>
public sealed class SelfTrainingEstimator : IEstimator<SelfTrainingTransformer>
{
    private readonly MLContext _mlContext;
    private readonly IEstimator<ITransformer> _teacher;
    private readonly IDataView? _unlabeledData;
    private readonly SelfTrainingOptions _options;
    private readonly bool _isBinary;

    internal SelfTrainingEstimator(MLContext mlContext, IEstimator<ITransformer> teacher, IDataView? unlabeledData, SelfTrainingOptions options, bool isBinary)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mlContext = mlContext;
        _teacher = teacher;
        _unlabeledData = unlabeledData;
        _options = options;
        _isBinary = isBinary;
    }

    /// <summary>Runs self-training on <paramref name="input"/> (labeled rows, and unlabeled rows with a missing label).</summary>
    public SelfTrainingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var host = ((IHostEnvironment)_mlContext).Register(nameof(SelfTraining));
        using var channel = host.Start(nameof(SelfTraining));
        return new SelfTrainingRun(_mlContext, channel, _options, _isBinary, _teacher).Fit(input, _unlabeledData);
    }

    /// <summary>The student's output schema for <paramref name="inputSchema"/>.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => (_options.Student ?? _teacher).GetOutputSchema(inputSchema);
}
