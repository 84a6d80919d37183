using Microsoft.ML;

namespace MLNet.SelfTraining.Tasks.Detection;

/// <summary>Self-training of an object detector: per unlabeled image, pseudo boxes from the teacher's classes, boxes and scores.</summary>
internal sealed class DetectionTask : SelfTrainingTask<BoxPrediction>
{
    private readonly PseudoBoxOptions _boxes;

    /// <summary>
    /// Checks that <paramref name="options"/> hold nothing that only classification reads and that the diagnostic
    /// columns come in pairs, and keeps a copy of <paramref name="boxes"/>.
    /// </summary>
    /// <param name="options">The self-training options.</param>
    /// <param name="boxes">The pseudo-box options.</param>
    /// <exception cref="ArgumentException">An option does not apply to detection, or <paramref name="boxes"/> is invalid.</exception>
    public DetectionTask(SelfTrainingOptions options, PseudoBoxOptions boxes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(boxes);
        boxes.Validate();
        ClassificationOnlyOptions.Refuse(options, "detection",
            $"{nameof(PseudoBoxOptions)}.{nameof(PseudoBoxOptions.PredictedLabelColumnName)}, {nameof(PseudoBoxOptions.PredictedBoundingBoxesColumnName)} and {nameof(PseudoBoxOptions.ScoreColumnName)}",
            "keeps boxes by score", $"{nameof(PseudoBoxOptions)}.{nameof(PseudoBoxOptions.ScoreThreshold)}");
        if ((options.DiagnosticLabelColumnName is null) != (boxes.DiagnosticBoxColumnName is null))
        {
            throw new ArgumentException(
                $"Detection's diagnostics read the true classes in {nameof(SelfTrainingOptions)}.{nameof(SelfTrainingOptions.DiagnosticLabelColumnName)} and the true boxes in {nameof(PseudoBoxOptions)}.{nameof(PseudoBoxOptions.DiagnosticBoxColumnName)}: set both or neither; got '{options.DiagnosticLabelColumnName ?? "null"}' and '{boxes.DiagnosticBoxColumnName ?? "null"}'.",
                nameof(PseudoBoxOptions.DiagnosticBoxColumnName));
        }

        _boxes = boxes.Clone();
    }

    /// <inheritdoc/>
    protected override TaskBinding<BoxPrediction> Bind(DataViewSchema training, SelfTrainingOptions options)
    {
        string labels = options.LabelColumnName, box = _boxes.BoxColumnName;
        string columns = string.Join(", ", training.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
        int classCount = BoxColumns.KeyCount(training.GetColumnOrNull(labels), labels, "label", variableSize: true, message => new ArgumentException(
            $"{message} For detection, {nameof(SelfTrainingOptions.LabelColumnName)} is the column of box classes (e.g. \"{DefaultColumnNames.Labels}\"); the training data has {columns}.",
            nameof(SelfTrainingOptions.LabelColumnName)));
        BoxColumns.CheckSingles(training.GetColumnOrNull(box), box, "box", variableSize: true, message => new ArgumentException(
            $"{message} For detection, {nameof(PseudoBoxOptions)}.{nameof(PseudoBoxOptions.BoxColumnName)} is the column of boxes (e.g. \"{DefaultColumnNames.Box}\"); the training data has {columns}.",
            nameof(PseudoBoxOptions.BoxColumnName)));
        return new DetectionBinding(training[labels], training[box], classCount, _boxes, options.Weighting);
    }
}
