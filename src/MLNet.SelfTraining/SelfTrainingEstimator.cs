using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Tasks;

namespace MLNet.SelfTraining;

/// <summary>
/// Self-training (Zoph et al., NeurIPS 2020) around any ML.NET classification pipeline, or a segmentation pipeline
/// (<see cref="SegmentationCatalog.SelfTraining(IEstimator{ITransformer}, IDataView?, SelfTrainingOptions, PseudoMaskOptions)"/>):
/// train a teacher on the labeled rows, pseudo-label the unlabeled rows with it, train a student on human and pseudo
/// labels, and repeat with the student as teacher.
/// </summary>
/// <remarks>
/// <para>Input columns: whatever the teacher and student pipelines read, plus the label column
/// (<see cref="SelfTrainingOptions.LabelColumnName"/>): a UInt32 key, Text or Single for multiclass (the latter two
/// mapped to keys inside the pipeline), Boolean for binary, a mask (<see cref="SegmentationMasks"/>) for segmentation.
/// Rows whose label is missing (for a mask: every pixel 255) are unlabeled, as are the rows of the separate unlabeled
/// data, whose label column (if any) is never read.</para>
/// <para>Output columns: the student's, e.g. <c>Score</c> and <c>PredictedLabel</c>, or <c>PredictedMask</c> and
/// <c>Confidence</c>.</para>
/// <para>It is an ordinary pipeline stage: it can follow other estimators (<c>MapValueToKey</c>, normalizers,
/// featurizers) and be followed by any. The rows it is fitted on are the preceding transforms' output, so unlabeled
/// rows that must go through those transforms are best given as training rows with a missing label; a separate
/// unlabeled view is scored as given and must already have the stage's input columns. A student trainer that reads
/// pseudo-label columns (<see cref="Students.IPseudoLabelConsumer"/>) is found anywhere in the student pipeline (e.g.
/// before a final <c>MapKeyToValue</c>); an ML.NET trainer's weight column is read when the trainer ends the pipeline,
/// and is <c>"Weight"</c> otherwise (<see cref="SelfTrainingOptions.ExampleWeightColumnName"/>).</para>
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
    private readonly SelfTrainingTask _task;

    internal SelfTrainingEstimator(MLContext mlContext, IEstimator<ITransformer> teacher, IDataView? unlabeledData, SelfTrainingOptions options, SelfTrainingTask task)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mlContext = mlContext;
        _teacher = teacher;
        _unlabeledData = unlabeledData;
        _options = options;
        _task = task;
    }

    /// <summary>Runs self-training on <paramref name="input"/> (labeled rows, and unlabeled rows with a missing label).</summary>
    public SelfTrainingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var host = ((IHostEnvironment)_mlContext).Register(nameof(SelfTraining));
        using var channel = host.Start(nameof(SelfTraining));
        return _task.Fit(new FitRequest(_mlContext, channel, _options, _teacher, input, _unlabeledData));
    }

    /// <summary>
    /// The student's output schema for <paramref name="inputSchema"/>: the student pipeline is asked with the columns
    /// the self-training stage adds to its training rows (example weight, pseudo-label flag), which do not appear in
    /// the output.
    /// </summary>
    /// <exception cref="ArgumentException">The student pipeline cannot train on the input plus those columns.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var student = _options.Student ?? _teacher;
        var context = new StudentContext(_options.PseudoLabelWeight, CancellationToken.None);
        return StudentPlan.Create(student, inputSchema, _options, context).CheckedOutput(student, inputSchema, context);
    }
}
