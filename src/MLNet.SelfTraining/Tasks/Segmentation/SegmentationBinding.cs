using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Training;

namespace MLNet.SelfTraining.Tasks.Segmentation;

/// <summary>
/// The segmentation task bound to one fit. Labels: a mask column (<see cref="SegmentationMasks"/>); an image is labeled
/// when its mask has a pixel other than 255. Predictions: the teacher's predicted mask and per-pixel confidence, turned
/// into pseudo masks by <see cref="PseudoMaskRule"/>; an image's confidence is the mean confidence of its pseudo pixels.
/// Per-class counts count an image once per class among its pseudo pixels; the reported class of an image is the most
/// frequent class other than 0 (the background) among them, else 0.
/// </summary>
internal sealed class SegmentationBinding : TaskBinding<MaskPrediction>
{
    /// <summary>The share of an image's pseudo pixels (where the truth is not 255) that must equal the truth for it to agree.</summary>
    public const double AgreementShare = 0.9;

    private readonly DataViewSchema.Column _mask;
    private readonly VectorDataViewType _maskType;
    private readonly int _pixels;
    private readonly int _classCount;
    private readonly string _classSource;
    private readonly string _predictedColumn;
    private readonly string _confidenceColumn;
    private readonly PseudoLabelWeighting _weighting;
    private readonly PseudoMaskRule _rule;

    public SegmentationBinding(DataViewSchema.Column mask, int pixels, int classCount, string classSource, PseudoMaskOptions masks, PseudoLabelWeighting weighting)
    {
        _mask = mask;
        _maskType = (VectorDataViewType)mask.Type;
        _pixels = pixels;
        _classCount = classCount;
        _classSource = classSource;
        _predictedColumn = masks.PredictedMaskColumnName;
        _confidenceColumn = masks.ConfidenceColumnName;
        _weighting = weighting;
        _rule = new PseudoMaskRule(masks.PixelConfidenceThreshold, classCount, _predictedColumn);
        SelectionThreshold = masks.PixelConfidenceThreshold;
        NoSelection = $"no new image has a pseudo pixel (a pixel whose teacher confidence is ≥ {masks.PixelConfidenceThreshold}) or a changed pseudo mask";
    }

    public override IReadOnlyList<string> LabelColumns => [_mask.Name];

    public override int ClassCount => _classCount;

    public override string NoSelection { get; }

    public override string TaskName => "segmentation";

    public override double? SelectionThreshold { get; }

    public override Func<bool> MakeLabeledReader(DataViewRow row)
    {
        var read = MaskColumns.MakeReader<byte>(row, row.Schema[_mask.Name], _pixels);
        return () => read().AsSpan().IndexOfAnyExcept(SegmentationMasks.Ignore) >= 0;
    }

    public override void CheckLabels(IDataView training, CancellationToken cancellation)
    {
        var seen = new bool[_classCount];
        using var cursor = training.GetRowCursor([training.Schema[_mask.Name]]);
        var read = MaskColumns.MakeReader<byte>(cursor, cursor.Schema[_mask.Name], _pixels);
        for (long row = 0; cursor.MoveNext(); row++)
        {
            if (row % 1024 == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var mask = read();
            for (int pixel = 0; pixel < mask.Length; pixel++)
            {
                byte value = mask[pixel];
                if (value == SegmentationMasks.Ignore)
                {
                    continue;
                }

                if (value >= _classCount)
                {
                    throw new ArgumentException(
                        $"Mask column '{_mask.Name}' was expected to hold class indices 0…{_classCount - 1} (K = {_classCount}, {_classSource}) or {SegmentationMasks.Ignore} (ignore); got {value} at row {row}, pixel {pixel}.",
                        "trainingData");
                }

                seen[value] = true;
            }
        }

        var labeled = Enumerable.Range(0, _classCount).Where(c => seen[c]).ToList();
        if (labeled.Count == 1)
        {
            throw new ArgumentException(
                $"Mask column '{_mask.Name}' was expected to have labeled pixels of at least two classes; got only class {labeled[0]}. A teacher cannot learn to tell classes apart from one: label pixels of the background and of the objects.",
                "trainingData");
        }
    }

    public override IEnumerable<ComputedColumn> MissingLabelColumns() => [MaskColumn(_mask.Name, (_, pixels) => pixels.Fill(SegmentationMasks.Ignore))];

    public override void BindTeacher(ITransformer teacher, IDataView training, IPseudoLabelConsumer? consumer, CancellationToken cancellation)
    {
        if (consumer?.SoftLabelColumnName is { } soft)
        {
            throw new ArgumentException(
                $"The student {consumer.GetType().Name} reads soft targets ('{soft}'), which segmentation does not produce (the teacher gives one class and its confidence per pixel); its {nameof(IPseudoLabelConsumer.SoftLabelColumnName)} was expected to be null.",
                nameof(SelfTrainingOptions.Student));
        }

        if (consumer is null && _weighting == PseudoLabelWeighting.Normalized)
        {
            throw new ArgumentException(
                $"{nameof(PseudoLabelWeighting)}.{nameof(PseudoLabelWeighting.Normalized)} needs the teacher's loss on the human masks, which '{_predictedColumn}' and '{_confidenceColumn}' cannot give (the probability of a pixel's true class is unknown when the teacher predicts another); use a student that implements {nameof(IPseudoLabelConsumer)} (it normalizes its loss per batch) or {nameof(PseudoLabelWeighting)}.{nameof(PseudoLabelWeighting.Fixed)}.",
                nameof(SelfTrainingOptions.Weighting));
        }

        var output = teacher.GetOutputSchema(training.Schema);
        TeacherColumns(output);
        if (output.GetColumnOrNull(_predictedColumn) is { } predicted && SegmentationMasks.TryGetClassNames(predicted) is { } names && names.Length != _classCount)
        {
            throw new InvalidOperationException(
                $"The teacher's predicted mask column '{_predictedColumn}' was expected to have {_classCount} class names ({_classSource}); got {names.Length}.");
        }
    }

    public override IEnumerable<DataViewSchema.Column> TeacherColumns(DataViewSchema scored)
    {
        static Exception Fail(string message) => new InvalidOperationException($"The segmentation teacher's output does not fit: {message}");
        var predicted = scored.GetColumnOrNull(_predictedColumn);
        var confidence = scored.GetColumnOrNull(_confidenceColumn);
        MaskColumns.PixelCount(predicted, _predictedColumn, "predicted mask", NumberDataViewType.Byte, _pixels, Fail);
        MaskColumns.PixelCount(confidence, _confidenceColumn, "confidence", NumberDataViewType.Single, _pixels, Fail);
        return [predicted!.Value, confidence!.Value];
    }

    public override TeacherReader<MaskPrediction> MakeTeacherReader(DataViewRow scored)
    {
        var predicted = MaskColumns.MakeReader<byte>(scored, scored.Schema[_predictedColumn], _pixels);
        var confidence = MaskColumns.MakeReader<float>(scored, scored.Schema[_confidenceColumn], _pixels);
        var index = scored.GetGetter<long>(scored.Schema[ColumnPlan.RowIndexColumnName]);
        var pseudo = new byte[_pixels];
        long row = 0;
        return (out MaskPrediction target, out float rowConfidence) =>
        {
            index(ref row);
            return _rule.TryBuild(predicted(), confidence(), pseudo, row, out target, out rowConfidence);
        };
    }

    /// <summary>
    /// Not measurable: the teacher gives the probability of its predicted class only, not of a pixel's true class when
    /// it predicts another (so <see cref="PseudoLabelWeighting.Normalized"/> needs a consumer student, see <see cref="BindTeacher"/>).
    /// </summary>
    public override Func<long, double?> MakeHumanLossReader(DataViewRow scored) => _ => null;

    public override double PseudoLoss(in MaskPrediction target, float confidence) => target.PseudoLoss;

    public override IPseudoLabelSelection<MaskPrediction> StartSelection() => new MaskSelection();

    public override MaskPrediction Keep(in MaskPrediction target) => target with { Mask = (byte[])target.Mask.Clone() };

    public override bool SameLabel(in MaskPrediction a, in MaskPrediction b) => a.Mask.AsSpan().SequenceEqual(b.Mask);

    public override void CountClasses(in MaskPrediction target, long[] perClass)
    {
        var pixels = PixelsPerClass(target.Mask);
        for (int c = 0; c < _classCount; c++)
        {
            perClass[c] += pixels[c] > 0 ? 1 : 0;
        }
    }

    public override int ReportedClass(in MaskPrediction target)
    {
        var pixels = PixelsPerClass(target.Mask);
        int reported = 0, most = 0;
        for (int c = 1; c < _classCount; c++)
        {
            if (pixels[c] > most)
            {
                (reported, most) = (c, pixels[c]);
            }
        }

        return reported;
    }

    public override IEnumerable<ComputedColumn> PseudoLabelColumns(Func<long, MaskPrediction> targetOf)
        => [MaskColumn(_mask.Name, (row, pixels) => targetOf(row).Mask.CopyTo(pixels))];

    public override IEnumerable<ComputedColumn> PseudoConsumerColumns(IPseudoLabelConsumer consumer, Func<long, MaskPrediction> targetOf) => [];

    public override IEnumerable<ComputedColumn> HumanConsumerColumns(IPseudoLabelConsumer consumer) => [];

    /// <summary>
    /// An image agrees with its true mask when at least <see cref="AgreementShare"/> of its pseudo pixels whose truth is
    /// not 255 have the true class (vacuously when there are none). The true masks are held in memory for the run.
    /// </summary>
    public override Func<int, MaskPrediction, bool> BindDiagnostic(IDataView unlabeled, string column, CancellationToken cancellation)
    {
        MaskColumns.PixelCount(unlabeled.Schema.GetColumnOrNull(column), column, "diagnostic mask", NumberDataViewType.Byte, _pixels,
            message => new ArgumentException(message, nameof(SelfTrainingOptions.DiagnosticLabelColumnName)));
        var truth = LabelScan.Read<byte[]>(unlabeled, [column], row =>
        {
            var read = MaskColumns.MakeReader<byte>(row, row.Schema[column], _pixels);
            return () => (byte[])read().Clone();
        }, cancellation);
        return (row, target) => Agrees(target.Mask, truth[row]);
    }

    private static bool Agrees(byte[] pseudo, byte[] truth)
    {
        int compared = 0, equal = 0;
        for (int pixel = 0; pixel < pseudo.Length; pixel++)
        {
            if (pseudo[pixel] != SegmentationMasks.Ignore && truth[pixel] != SegmentationMasks.Ignore)
            {
                compared++;
                equal += pseudo[pixel] == truth[pixel] ? 1 : 0;
            }
        }

        return equal >= AgreementShare * compared;
    }

    private int[] PixelsPerClass(byte[] mask)
    {
        var pixels = new int[_classCount];
        foreach (var value in mask)
        {
            if (value != SegmentationMasks.Ignore)
            {
                pixels[value]++;
            }
        }

        return pixels;
    }

    /// <summary>A column of the mask's name, type and annotations (class names), filled per row into the reader's own buffer.</summary>
    private ComputedColumn<VBuffer<byte>> MaskColumn(string name, MaskFill fill)
    {
        int size = _pixels;
        return new ComputedColumn<VBuffer<byte>>(name, _maskType, (row, slot) =>
        {
            var value = slot.Value;
            var editor = VBufferEditor.Create(ref value, size);
            fill(row, editor.Values);
            slot.Value = editor.Commit();
        }, _mask.Annotations);
    }

    /// <summary>Writes the mask of a source row into <paramref name="pixels"/>.</summary>
    private delegate void MaskFill(long row, Span<byte> pixels);
}
