using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Training;

namespace MLNet.SelfTraining.Tasks.Detection;

/// <summary>
/// The detection task bound to one fit. Labels: a key column (one class per box) and a box column; every training row
/// is labeled (an image with no box is a negative). Predictions: the teacher's classes, boxes and scores, turned into
/// pseudo boxes by <see cref="PseudoBoxRule"/>; an image's confidence is the mean score of its pseudo boxes. Per-class
/// counts count pseudo boxes; the reported class of an image is the class of its highest-scored pseudo box, −1 when it
/// has none.
/// </summary>
internal sealed class DetectionBinding : TaskBinding<BoxPrediction>
{
    private static readonly BoxPrediction NoBoxes = new([], [], []);

    private readonly DataViewSchema.Column _labels;
    private readonly DataViewSchema.Column _box;
    private readonly int _classCount;
    private readonly PseudoBoxOptions _boxes;
    private readonly PseudoLabelWeighting _weighting;
    private readonly PseudoBoxRule _rule;

    /// <param name="labels">The human label column (a variable-size vector of Key&lt;UInt32, K&gt;).</param>
    /// <param name="box">The human box column (a variable-size vector of Single).</param>
    /// <param name="classCount">K.</param>
    /// <param name="boxes">The pseudo-box options (a private copy).</param>
    /// <param name="weighting">The run's weighting.</param>
    public DetectionBinding(DataViewSchema.Column labels, DataViewSchema.Column box, int classCount, PseudoBoxOptions boxes, PseudoLabelWeighting weighting)
    {
        (_labels, _box, _classCount, _boxes, _weighting) = (labels, box, classCount, boxes, weighting);
        _rule = new PseudoBoxRule(boxes, classCount);
        NoSelection = $"no box of the teacher scored ≥ {boxes.ScoreThreshold} after non-maximum suppression in this pass (or no image's pseudo boxes changed), so there is nothing new to teach; the current teacher is returned";
    }

    public override IReadOnlyList<string> LabelColumns => [_labels.Name, _box.Name];

    public override int ClassCount => _classCount;

    public override string NoSelection { get; }

    public override string TaskName => "detection";

    public override double? SelectionThreshold => _boxes.ScoreThreshold;

    /// <summary>Every training row is labeled: empty boxes mean an image with no object.</summary>
    public override Func<bool> MakeLabeledReader(DataViewRow row) => () => true;

    public override void CheckLabels(IDataView training, CancellationToken cancellation)
    {
        long boxes = 0, row = 0;
        using var cursor = training.GetRowCursor([training.Schema[_labels.Name], training.Schema[_box.Name]]);
        var reader = new TrueBoxReader(cursor, cursor.Schema[_labels.Name], cursor.Schema[_box.Name], _classCount, m => new ArgumentException(m, "trainingData"));
        for (; cursor.MoveNext(); row++)
        {
            if (row % 1024 == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            boxes += reader.Read(row).Classes.Length;
        }

        if (boxes == 0)
        {
            throw new ArgumentException(
                $"The training data was expected to hold at least one box in '{_labels.Name}' and '{_box.Name}'; got {row} rows, none with a box. A teacher cannot learn to find objects from images without any.",
                "trainingData");
        }
    }

    public override IEnumerable<ComputedColumn> MissingLabelColumns()
        => [KeyColumn(_ => NoBoxes), BoxColumn(_ => NoBoxes)];

    public override void BindTeacher(ITransformer teacher, IDataView training, IPseudoLabelConsumer? consumer, CancellationToken cancellation)
    {
        if (consumer?.SoftLabelColumnName is { } soft)
        {
            throw new ArgumentException(
                $"The student {consumer.GetType().Name} reads soft targets ('{soft}'), which detection does not produce (the teacher gives a class and a score per box); its {nameof(IPseudoLabelConsumer.SoftLabelColumnName)} was expected to be null.",
                nameof(SelfTrainingOptions.Student));
        }

        if (consumer is null && _weighting == PseudoLabelWeighting.Normalized)
        {
            throw new ArgumentException(
                $"{nameof(PseudoLabelWeighting)}.{nameof(PseudoLabelWeighting.Normalized)} needs the teacher's loss on the human boxes, which its predicted boxes and scores cannot give; use a student that implements {nameof(IPseudoLabelConsumer)} (it normalizes its loss per batch) or {nameof(PseudoLabelWeighting)}.{nameof(PseudoLabelWeighting.Fixed)}.",
                nameof(SelfTrainingOptions.Weighting));
        }

        TeacherColumns(teacher.GetOutputSchema(training.Schema));
    }

    public override IEnumerable<DataViewSchema.Column> TeacherColumns(DataViewSchema scored)
    {
        static Exception Fail(string message) => new InvalidOperationException($"The detection teacher's output does not fit: {message}");
        var predicted = scored.GetColumnOrNull(_boxes.PredictedLabelColumnName);
        var boxes = scored.GetColumnOrNull(_boxes.PredictedBoundingBoxesColumnName);
        var scores = scored.GetColumnOrNull(_boxes.ScoreColumnName);
        int keys = BoxColumns.KeyCount(predicted, _boxes.PredictedLabelColumnName, "predicted label", variableSize: false, Fail);
        if (keys != _classCount)
        {
            throw Fail($"the predicted label column '{_boxes.PredictedLabelColumnName}' was expected to have the {_classCount} keys of label column '{_labels.Name}'; got {keys}.");
        }

        BoxColumns.CheckSingles(boxes, _boxes.PredictedBoundingBoxesColumnName, "predicted box", variableSize: false, Fail);
        BoxColumns.CheckSingles(scores, _boxes.ScoreColumnName, "score", variableSize: false, Fail);
        return [predicted!.Value, boxes!.Value, scores!.Value];
    }

    public override TeacherReader<BoxPrediction> MakeTeacherReader(DataViewRow scored)
    {
        var keys = BoxColumns.MakeReader<uint>(scored, scored.Schema[_boxes.PredictedLabelColumnName]);
        var boxes = BoxColumns.MakeReader<float>(scored, scored.Schema[_boxes.PredictedBoundingBoxesColumnName]);
        var scores = BoxColumns.MakeReader<float>(scored, scored.Schema[_boxes.ScoreColumnName]);
        var index = scored.GetGetter<long>(scored.Schema[ColumnPlan.RowIndexColumnName]);
        long row = 0;
        return (out BoxPrediction target, out float confidence) =>
        {
            index(ref row);
            return _rule.TryBuild(keys().Span, boxes().Span, scores().Span, row, out target, out confidence);
        };
    }

    /// <summary>
    /// Not measurable: the teacher's boxes and scores do not give the probability of a human box's class at its place
    /// (so <see cref="PseudoLabelWeighting.Normalized"/> needs a consumer student, see <see cref="BindTeacher"/>).
    /// </summary>
    public override Func<long, double?> MakeHumanLossReader(DataViewRow scored) => _ => null;

    public override double PseudoLoss(in BoxPrediction target, float confidence) => target.PseudoLoss;

    public override IPseudoLabelSelection<BoxPrediction> StartSelection() => new BoxSelection();

    /// <summary>The rule builds new arrays for every row: nothing to copy.</summary>
    public override BoxPrediction Keep(in BoxPrediction target) => target;

    public override bool SameLabel(in BoxPrediction a, in BoxPrediction b)
        => a.Classes.AsSpan().SequenceEqual(b.Classes) && a.Boxes.AsSpan().SequenceEqual(b.Boxes);

    public override void CountClasses(in BoxPrediction target, long[] perClass)
    {
        foreach (int c in target.Classes)
        {
            perClass[c]++;
        }
    }

    /// <summary>The class of the highest-scored pseudo box (the first: they are sorted), −1 for an image without one.</summary>
    public override int ReportedClass(in BoxPrediction target) => target.Count == 0 ? -1 : target.Classes[0];

    public override IEnumerable<ComputedColumn> PseudoLabelColumns(Func<long, BoxPrediction> targetOf) => [KeyColumn(targetOf), BoxColumn(targetOf)];

    public override IEnumerable<ComputedColumn> PseudoConsumerColumns(IPseudoLabelConsumer consumer, Func<long, BoxPrediction> targetOf) => [];

    public override IEnumerable<ComputedColumn> HumanConsumerColumns(IPseudoLabelConsumer consumer) => [];

    /// <summary>The true classes (<paramref name="column"/>) and the true boxes (<see cref="PseudoBoxOptions.DiagnosticBoxColumnName"/>).</summary>
    public override IReadOnlyList<string> DiagnosticColumns(string column) => [column, _boxes.DiagnosticBoxColumnName!];

    /// <summary>
    /// An image agrees with its true boxes (<paramref name="column"/>: classes; <see cref="PseudoBoxOptions.DiagnosticBoxColumnName"/>:
    /// boxes) when its pseudo boxes pair with them one-to-one (<see cref="BoxAgreement"/>). The true boxes are held in memory
    /// for the run.
    /// </summary>
    public override Func<int, BoxPrediction, bool> BindDiagnostic(IDataView unlabeled, string column, CancellationToken cancellation)
    {
        string boxColumn = _boxes.DiagnosticBoxColumnName!;
        static Exception Fail(string message) => new ArgumentException(message, nameof(SelfTrainingOptions.DiagnosticLabelColumnName));
        var schema = unlabeled.Schema;
        int keys = BoxColumns.KeyCount(schema.GetColumnOrNull(column), column, "diagnostic label", variableSize: false, Fail);
        if (keys != _classCount)
        {
            throw Fail($"Diagnostic label column '{column}' was expected to have the {_classCount} keys of label column '{_labels.Name}'; got {keys}.");
        }

        BoxColumns.CheckSingles(schema.GetColumnOrNull(boxColumn), boxColumn, "diagnostic box", variableSize: false,
            message => new ArgumentException(message, nameof(PseudoBoxOptions.DiagnosticBoxColumnName)));
        long row = 0;
        var truth = LabelScan.Read<(int[] Classes, float[] Boxes)>(unlabeled, [column, boxColumn], cursor =>
        {
            var reader = new TrueBoxReader(cursor, cursor.Schema[column], cursor.Schema[boxColumn], _classCount, Fail);
            return () => reader.Read(row++);
        }, cancellation);
        return (index, target) => BoxAgreement.Agrees(target, truth[index].Classes, truth[index].Boxes);
    }

    /// <summary>A column of the label column's name, type and annotations (key values): the key (class + 1) of each box.</summary>
    private ComputedColumn<VBuffer<uint>> KeyColumn(Func<long, BoxPrediction> targetOf)
        => new(_labels.Name, _labels.Type, (row, slot) =>
        {
            var classes = targetOf(row).Classes;
            var value = slot.Value;
            var editor = VBufferEditor.Create(ref value, classes.Length);
            for (int i = 0; i < classes.Length; i++)
            {
                editor.Values[i] = (uint)classes[i] + 1;
            }

            slot.Value = editor.Commit();
        }, _labels.Annotations);

    /// <summary>A column of the box column's name, type and annotations: the 4 coordinates of each box.</summary>
    private ComputedColumn<VBuffer<float>> BoxColumn(Func<long, BoxPrediction> targetOf)
        => new(_box.Name, _box.Type, (row, slot) =>
        {
            var boxes = targetOf(row).Boxes;
            var value = slot.Value;
            var editor = VBufferEditor.Create(ref value, boxes.Length);
            boxes.CopyTo(editor.Values);
            slot.Value = editor.Commit();
        }, _box.Annotations);
}
