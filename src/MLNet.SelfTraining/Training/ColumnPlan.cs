using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.Labels;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// Which columns the teacher and student train on, and the views that add the label, weight, pseudo flag and soft
/// target columns to human-labeled and pseudo-labeled rows.
/// </summary>
internal sealed class ColumnPlan
{
    public const string RowIndexColumnName = "SelfTraining.RowIndex";

    private readonly LabelCodec _codec;
    private readonly string? _weightColumn;
    private readonly bool _trainingHasWeight;
    private readonly IPseudoLabelConsumer? _consumer;

    public ColumnPlan(LabelCodec codec, IReadOnlyList<string> sharedColumns, string? weightColumn, bool trainingHasWeight, IPseudoLabelConsumer? consumer)
    {
        _codec = codec;
        SharedColumns = sharedColumns;
        _weightColumn = weightColumn;
        _trainingHasWeight = trainingHasWeight;
        _consumer = consumer;
    }

    /// <summary>The student trainer that reads pseudo-label columns, if any.</summary>
    public IPseudoLabelConsumer? Consumer => _consumer;

    /// <summary>Whether the student reads soft targets, so the teacher's probabilities must be kept.</summary>
    public bool WantsSoftTargets => _consumer?.SoftLabelColumnName is not null;

    /// <summary>Whether the student applies loss normalization itself (pseudo rows then weigh only their multiplicity).</summary>
    public bool ConsumerNormalizes => _consumer is not null;

    /// <summary>Columns present in the training and the unlabeled data, other than the label and the columns this plan writes.</summary>
    public IReadOnlyList<string> SharedColumns { get; }

    /// <summary>Human-labeled rows for the first teacher: every training column, and the weight (1 unless given).</summary>
    public IDataView TeacherView(IDataView training, Func<long, bool> isLabeled, long labeledCount)
    {
        var computed = new List<ComputedColumn>();
        AddHumanWeight(computed);
        return new AugmentedDataView(training, keepSourceColumns: null, computed, isLabeled, labeledCount);
    }

    /// <summary>Human-labeled rows for a student: as <see cref="TeacherView"/> plus the consumer's flag and one-hot soft targets.</summary>
    public IDataView StudentHumanView(IDataView training, Func<long, bool> isLabeled, long labeledCount, Func<long, int> classOf, int classCount)
    {
        var computed = new List<ComputedColumn>();
        AddHumanWeight(computed);
        AddConsumerColumns(computed, isPseudo: false, row => OneHot(classOf(row), classCount), classCount);
        return new AugmentedDataView(training, Kept(training), computed, isLabeled, labeledCount);
    }

    /// <summary>Pseudo-labeled rows for a student: shared columns, pseudo label, pseudo weight, flag and soft targets.</summary>
    public IDataView StudentPseudoView(IDataView unlabeled, UnlabeledPool pool, Func<long, float> weightOf, int classCount, long rowCount)
    {
        var computed = new List<ComputedColumn> { _codec.MakeColumn(_codec.Column.Name, row => pool.PseudoClass[row]) };
        if (_weightColumn is not null)
        {
            computed.Add(ComputedColumn<float>.FromIndex(_weightColumn, NumberDataViewType.Single, weightOf));
        }

        AddConsumerColumns(computed, isPseudo: true, row => pool.SoftTargets.TryGetValue((int)row, out var soft) ? soft : OneHot(pool.PseudoClass[row], classCount), classCount);
        return new AugmentedDataView(unlabeled, SharedColumns, computed, pool.IsLabeled, rowCount);
    }

    /// <summary>Unlabeled rows as the teacher scores them: all their columns, a missing label if they have none, and the row index.</summary>
    public IDataView ScoringView(IDataView unlabeled, Func<long, bool> keepRow)
    {
        var computed = new List<ComputedColumn>
        {
            ComputedColumn<long>.FromIndex(RowIndexColumnName, NumberDataViewType.Int64, row => row),
            _codec.MakeMissingColumn(_codec.Column.Name),
        };
        return new AugmentedDataView(unlabeled, null, computed, keepRow);
    }

    /// <summary>Labeled training rows with their row index, for measuring the teacher's loss on human labels.</summary>
    public static IDataView IndexedView(IDataView data, Func<long, bool> keepRow)
        => new AugmentedDataView(data, null, [ComputedColumn<long>.FromIndex(RowIndexColumnName, NumberDataViewType.Int64, row => row)], keepRow);

    private List<string> Kept(IDataView training)
    {
        var kept = new List<string>(SharedColumns) { _codec.Column.Name };
        if (_trainingHasWeight && _weightColumn is not null && training.Schema.GetColumnOrNull(_weightColumn) is not null)
        {
            kept.Add(_weightColumn);
        }

        return kept;
    }

    private void AddHumanWeight(List<ComputedColumn> computed)
    {
        if (_weightColumn is not null && !_trainingHasWeight)
        {
            computed.Add(ComputedColumn<float>.Constant(_weightColumn, NumberDataViewType.Single, 1f));
        }
    }

    private void AddConsumerColumns(List<ComputedColumn> computed, bool isPseudo, Func<long, float[]> softOf, int classCount)
    {
        if (_consumer is null)
        {
            return;
        }

        computed.Add(ComputedColumn<bool>.Constant(_consumer.PseudoLabelFlagColumnName, BooleanDataViewType.Instance, isPseudo));
        if (_consumer.SoftLabelColumnName is { } softName)
        {
            computed.Add(new ComputedColumn<VBuffer<float>>(softName, new VectorDataViewType(NumberDataViewType.Single, classCount),
                (row, slot) => slot.Value = new VBuffer<float>(classCount, softOf(row))));
        }
    }

    private static float[] OneHot(int classIndex, int classCount)
    {
        var target = new float[classCount];
        if (classIndex >= 0)
        {
            target[classIndex] = 1f;
        }

        return target;
    }
}
