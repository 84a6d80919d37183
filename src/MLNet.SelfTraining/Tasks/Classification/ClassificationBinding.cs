using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Training;

namespace MLNet.SelfTraining.Tasks.Classification;

/// <summary>
/// The classification task bound to one fit: labels through a <see cref="LabelCodec"/> (key, text, Single or Boolean),
/// predictions from the teacher's class probabilities (<see cref="TeacherScores"/>), confidence = the top probability,
/// selection by <see cref="PseudoLabelOptions"/>, and soft targets for students that read them.
/// </summary>
internal sealed class ClassificationBinding : TaskBinding<ClassPrediction>
{
    private const double MinimumProbability = 1e-15;

    private readonly LabelCodec _codec;
    private readonly bool _isBinary;
    private readonly string _scoreColumn;
    private readonly PseudoLabelOptions _selection;
    private int[] _classes = [];
    private int _classCount;
    private TeacherScores? _scores;
    private bool _keepsProbabilities;

    public ClassificationBinding(LabelCodec codec, bool isBinary, string scoreColumn, PseudoLabelOptions selection)
    {
        _codec = codec;
        _isBinary = isBinary;
        _scoreColumn = scoreColumn;
        _selection = selection;
    }

    public override IReadOnlyList<string> LabelColumns => [_codec.Column.Name];

    public override int ClassCount => _classCount;

    public override string TaskName => "classification";

    public override double? SelectionThreshold => _selection.ClassThresholds is null ? _selection.ConfidenceThreshold : null;

    public override Func<bool> MakeLabeledReader(DataViewRow row)
    {
        var isMissing = _codec.MakeMissingReader(row);
        return () => !isMissing();
    }

    public override void CheckLabels(IDataView training, CancellationToken cancellation)
    {
        var classes = LabelScan.Distinct(training, LabelColumns, _codec.MakeValueReader, cancellation);
        if (classes.Count == 1)
        {
            throw new ArgumentException(
                $"Label column '{_codec.Column.Name}' was expected to have labeled rows of at least two classes; got only one class labeled ('{classes.Single()}'). A teacher cannot learn to tell classes apart from one: label a few rows of every class.",
                "trainingData");
        }

        if (_codec is KeyLabelCodec key)
        {
            var empty = Enumerable.Range(1, key.KeyCount).Where(k => !classes.Contains(k.ToString(System.Globalization.CultureInfo.InvariantCulture))).Select(k => k - 1);
            ThrowIfUnlabeled(empty, key.KeyCount);
        }
    }

    public override IEnumerable<ComputedColumn> MissingLabelColumns() => [_codec.MakeMissingColumn(_codec.Column.Name)];

    public override void BindTeacher(ITransformer teacher, IDataView training, IPseudoLabelConsumer? consumer, CancellationToken cancellation)
    {
        _scores = TeacherScores.Create(teacher.GetOutputSchema(training.Schema), _isBinary, _scoreColumn);
        _classCount = _scores.ClassCount;
        _codec.Bind(_scores);
        _classes = LabelScan.Read(training, LabelColumns, _codec.MakeClassReader, cancellation);
        _keepsProbabilities = consumer?.SoftLabelColumnName is not null;
        CheckEveryClassLabeled();
    }

    public override IEnumerable<DataViewSchema.Column> TeacherColumns(DataViewSchema scored) => [Scores(scored).Column];

    public override TeacherReader<ClassPrediction> MakeTeacherReader(DataViewRow scored)
    {
        var read = Scores(scored.Schema).MakeReader(scored);
        var probabilities = new float[_classCount];
        return (out ClassPrediction target, out float confidence) =>
        {
            if (!read(probabilities))
            {
                (target, confidence) = (default, float.NaN);
                return false;
            }

            var (classIndex, top) = TeacherScores.ArgMax(probabilities);
            (target, confidence) = (new ClassPrediction(classIndex, probabilities), top);
            return true;
        };
    }

    public override Func<long, double?> MakeHumanLossReader(DataViewRow scored)
    {
        var read = Scores(scored.Schema).MakeReader(scored);
        var probabilities = new float[_classCount];
        return row => read(probabilities) && _classes[row] >= 0 ? -Math.Log(Math.Max(probabilities[_classes[row]], MinimumProbability)) : null;
    }

    public override double PseudoLoss(in ClassPrediction target, float confidence) => -Math.Log(Math.Max(confidence, MinimumProbability));

    public override IPseudoLabelSelection<ClassPrediction> StartSelection() => new ClassSelection(_selection, _classCount);

    public override ClassPrediction Keep(in ClassPrediction target)
        => target with { Probabilities = _keepsProbabilities ? (float[])target.Probabilities!.Clone() : null };

    public override bool SameLabel(in ClassPrediction a, in ClassPrediction b) => a.Class == b.Class;

    public override void CountClasses(in ClassPrediction target, long[] perClass) => perClass[target.Class]++;

    public override int ReportedClass(in ClassPrediction target) => target.Class;

    public override IEnumerable<ComputedColumn> PseudoLabelColumns(Func<long, ClassPrediction> targetOf)
        => [_codec.MakeColumn(_codec.Column.Name, row => targetOf(row).Class)];

    public override IEnumerable<ComputedColumn> PseudoConsumerColumns(IPseudoLabelConsumer consumer, Func<long, ClassPrediction> targetOf)
        => SoftTargets(consumer, row => targetOf(row).Probabilities!);     // kept for every pseudo row when the consumer reads soft targets

    public override IEnumerable<ComputedColumn> HumanConsumerColumns(IPseudoLabelConsumer consumer)
        => SoftTargets(consumer, OneHotTargets());

    public override Func<int, ClassPrediction, bool> BindDiagnostic(IDataView unlabeled, string column, CancellationToken cancellation)
    {
        var codec = LabelCodec.Create(unlabeled.Schema[column], _isBinary);
        codec.Bind(_scores ?? throw new InvalidOperationException("The task is not bound to a teacher yet."));
        var trueClasses = LabelScan.Read(unlabeled, [column], codec.MakeClassReader, cancellation);
        return (row, target) => trueClasses[row] == target.Class;
    }

    public override string?[]? ValidationStrata(IDataView training, CancellationToken cancellation)
        => LabelScan.Read(training, LabelColumns, _codec.MakeValueReader, cancellation);

    public override ValidationSet BindValidation(IDataView data, string labelColumn, Func<long, bool> rows, bool everyClass, CancellationToken cancellation)
    {
        var codec = LabelCodec.Create(data.Schema[labelColumn], _isBinary);
        codec.Bind(_scores ?? throw new InvalidOperationException("The task is not bound to a teacher yet."));
        var classes = LabelScan.Read(data, [labelColumn], codec.MakeClassReader, cancellation);
        for (int row = 0; row < classes.Length; row++)
        {
            classes[row] = rows(row) ? classes[row] : -1;
        }

        if (everyClass)
        {
            var present = classes.Where(c => c >= 0).ToHashSet();
            var absent = Enumerable.Range(0, _classCount).Where(c => !present.Contains(c)).ToList();
            if (absent.Count > 0)
            {
                throw new ArgumentException(
                    $"The validation data was expected to have labeled rows of every one of the {_classCount} classes of label column '{labelColumn}'; got none for class index(es) {string.Join(", ", absent)}. A class without validation rows cannot show that self-training hurt it: add rows of it.",
                    nameof(ValidationOptions.ValidationData));
            }
        }

        return new ClassValidationSet(ColumnPlan.IndexedView(data, row => classes[row] >= 0), classes, _classCount, Scores);
    }

    private TeacherScores Scores(DataViewSchema scored) => TeacherScores.Create(scored, _isBinary, _scoreColumn);

    private IEnumerable<ComputedColumn> SoftTargets(IPseudoLabelConsumer consumer, Func<long, float[]> softOf)
    {
        if (consumer.SoftLabelColumnName is not { } name)
        {
            return [];
        }

        int classCount = _classCount;
        return [new ComputedColumn<VBuffer<float>>(name, new VectorDataViewType(NumberDataViewType.Single, classCount),
            (row, slot) =>
            {
                // Copied into the reader's own buffer: the per-class and per-row arrays are never handed out.
                var value = slot.Value;
                var editor = VBufferEditor.Create(ref value, classCount);
                softOf(row).CopyTo(editor.Values);
                slot.Value = editor.Commit();
            })];
    }

    /// <summary>The one-hot target of each human row's class (one array per class, shared; all zeros for a missing class).</summary>
    private Func<long, float[]> OneHotTargets()
    {
        var none = new float[_classCount];
        var oneHot = Enumerable.Range(0, _classCount).Select(c =>
        {
            var target = new float[_classCount];
            target[c] = 1f;
            return target;
        }).ToArray();
        return row => _classes[row] >= 0 ? oneHot[_classes[row]] : none;
    }

    private void CheckEveryClassLabeled()
    {
        var counts = new long[_classCount];
        foreach (var c in _classes.Where(c => c >= 0))
        {
            counts[c]++;
        }

        ThrowIfUnlabeled(Enumerable.Range(0, _classCount).Where(c => counts[c] == 0), _classCount);
    }

    private void ThrowIfUnlabeled(IEnumerable<int> classesWithoutRows, int classCount)
    {
        var empty = classesWithoutRows.ToList();
        if (empty.Count > 0)
        {
            throw new ArgumentException(
                $"Every class of label column '{_codec.Column.Name}' was expected to have at least one labeled row; got none for class index(es) {string.Join(", ", empty)} of {classCount}. The teacher cannot pseudo-label a class it never saw: label a few rows of it, or drop it from the label's key values.",
                "trainingData");
        }
    }
}
