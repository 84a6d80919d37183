using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;

namespace MLNet.SelfTraining.PseudoLabeling;

/// <summary>
/// The fitted pseudo-labeling stage: adds the pseudo label, confidence, selection flag, weight and soft label columns
/// described on <see cref="PseudoLabelEstimator"/>. Lazy: nothing is read until a cursor is.
/// </summary>
/// <remarks>A training-time stage: it cannot be saved into an ML.NET model zip (see <see cref="Save"/>).</remarks>
public sealed class PseudoLabelTransformer : ITransformer
{
    private readonly PseudoLabelEstimator.Options _options;
    private readonly PseudoLabelSelection _selection;
    private readonly int _classCount;

    internal PseudoLabelTransformer(PseudoLabelEstimator.Options options, PseudoLabelSelection selection, int classCount)
    {
        _options = options;
        _selection = selection;
        _classCount = classCount;
    }

    /// <summary>Per class (score slot order), the lowest confidence kept by a cap; negative infinity where no cap applied.</summary>
    public IReadOnlyList<float> ClassCuts => _selection.Cuts;

    /// <summary>Per class, the multiplicity of each selected row (1 unless classes are balanced).</summary>
    public IReadOnlyList<float> ClassMultiplicities => _selection.Multiplicity;

    /// <summary>Always <see langword="false"/>: the stage is applied to whole views.</summary>
    public bool IsRowToRowMapper => false;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Transform(new EmptyDataView(inputSchema)).Schema;

    /// <summary>Not supported: the stage is applied to whole views.</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
        => throw new NotSupportedException($"{nameof(PseudoLabelTransformer)} is applied to whole views; it has no row-to-row mapper.");

    /// <summary>
    /// Not supported: ML.NET 5 keeps its model-loading API (<c>ModelLoadContext</c>, <c>LoadableClass</c>) internal,
    /// so a third-party transformer could not be loaded back. Pseudo-labeling is a training-time stage; save the
    /// teacher or the student instead.
    /// </summary>
    public void Save(ModelSaveContext ctx)
        => throw new NotSupportedException(
            $"{nameof(PseudoLabelTransformer)} is a training-time stage and cannot be saved into an ML.NET model: ML.NET 5 keeps its model loader API internal. Save the teacher or the student model instead.");

    /// <summary>Adds the pseudo-label columns to <paramref name="input"/>, lazily.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scores = TeacherScores.Create(input.Schema, _options.IsBinary, _options.ScoreColumnName);
        if (scores.ClassCount != _classCount)
        {
            throw new ArgumentException(
                $"Column '{_options.ScoreColumnName}' was expected to hold {_classCount} classes, as when the stage was fitted; got {scores.ClassCount}.",
                nameof(input));
        }

        return new AugmentedDataView(input, keepSourceColumns: null, MakeColumns(input.Schema, scores));
    }

    private List<ComputedColumn> MakeColumns(DataViewSchema schema, TeacherScores scores)
    {
        var rows = new ConditionalWeakTable<DataViewRow, RowScores>();
        ComputedColumn Column<T>(string name, DataViewType type, Action<RowScores, ValueSlot<T>> fill, DataViewSchema.Annotations? annotations = null)
            => new ScoreDerivedColumn<T>(name, type, scores, rows, fill, annotations);

        var (labelType, labelAnnotations) = LabelType(schema, scores.IsBinary);
        return
        [
            scores.IsBinary
                ? Column<bool>(_options.PseudoLabelColumnName, labelType, (r, slot) => slot.Value = r.ClassIndex == 1)
                : Column<uint>(_options.PseudoLabelColumnName, labelType, (r, slot) => slot.Value = (uint)(r.ClassIndex + 1), labelAnnotations),
            Column<float>(_options.ConfidenceColumnName, NumberDataViewType.Single, (r, slot) => slot.Value = r.Confidence),
            Column<bool>(_options.SelectedColumnName, BooleanDataViewType.Instance, (r, slot) => slot.Value = WeightOf(r) > 0),
            Column<float>(_options.WeightColumnName, NumberDataViewType.Single, (r, slot) => slot.Value = WeightOf(r)),
            Column<VBuffer<float>>(_options.SoftLabelColumnName, new VectorDataViewType(NumberDataViewType.Single, _classCount), (r, slot) =>
            {
                var value = slot.Value;
                var editor = VBufferEditor.Create(ref value, _classCount);
                r.Probabilities.CopyTo(editor.Values);
                slot.Value = editor.Commit();
            }),
        ];
    }

    private float WeightOf(RowScores row) => row.Valid ? _selection.WeightOf(row.ClassIndex, row.Confidence) : 0f;

    private (DataViewType Type, DataViewSchema.Annotations? Annotations) LabelType(DataViewSchema schema, bool isBinary)
    {
        if (isBinary)
        {
            return (BooleanDataViewType.Instance, null);
        }

        var predicted = schema.GetColumnOrNull(_options.PredictedLabelColumnName);
        return predicted is { Type: KeyDataViewType key } && key.Count == (ulong)_classCount
            ? (key, predicted.Value.Annotations)
            : (new KeyDataViewType(typeof(uint), _classCount), null);
    }
}
