using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Tasks;

namespace MLNet.SelfTraining.Training;

/// <summary>The name of the row index column the scoring views carry.</summary>
internal static class ColumnPlan
{
    public const string RowIndexColumnName = "SelfTraining.RowIndex";

    /// <summary>Rows of <paramref name="data"/> kept by <paramref name="keepRow"/>, with their row index.</summary>
    public static IDataView IndexedView(IDataView data, Func<long, bool> keepRow)
        => new AugmentedDataView(data, null, [ComputedColumn<long>.FromIndex(RowIndexColumnName, NumberDataViewType.Int64, row => row)], keepRow);
}

/// <summary>
/// Which columns the teacher and student train on, and the views that add the label, weight, pseudo flag and the
/// task's consumer columns to human-labeled and pseudo-labeled rows.
/// </summary>
/// <typeparam name="TTarget">The pseudo target of one row.</typeparam>
internal sealed class ColumnPlan<TTarget>
{
    private readonly TaskBinding<TTarget> _task;
    private readonly bool _trainingHasWeight;

    public ColumnPlan(TaskBinding<TTarget> task, IReadOnlyList<string> sharedColumns, StudentPlan student, bool trainingHasWeight)
    {
        _task = task;
        SharedColumns = sharedColumns;
        Student = student;
        _trainingHasWeight = trainingHasWeight;
    }

    /// <summary>The student's weight column and pseudo-label consumer.</summary>
    public StudentPlan Student { get; }

    /// <summary>Columns present in the training and the unlabeled data, other than the labels and the columns this plan writes.</summary>
    public IReadOnlyList<string> SharedColumns { get; }

    private string? WeightColumn => Student.WeightColumn;

    /// <summary>Human-labeled rows for the first teacher: every training column, and the weight (1 unless given).</summary>
    public IDataView TeacherView(IDataView training, Func<long, bool> isLabeled, long labeledCount)
    {
        var computed = new List<ComputedColumn>();
        AddHumanWeight(computed);
        return new AugmentedDataView(training, keepSourceColumns: null, computed, isLabeled, labeledCount);
    }

    /// <summary>Human-labeled rows for a student: as <see cref="TeacherView"/> plus the consumer's flag and columns.</summary>
    public IDataView StudentHumanView(IDataView training, Func<long, bool> isLabeled, long labeledCount)
    {
        var computed = new List<ComputedColumn>();
        AddHumanWeight(computed);
        if (Student.Consumer is { } consumer)
        {
            computed.Add(Flag(consumer, isPseudo: false));
            computed.AddRange(_task.HumanConsumerColumns(consumer));
        }

        return new AugmentedDataView(training, Kept(training), computed, isLabeled, labeledCount);
    }

    /// <summary>Pseudo-labeled rows for a student: shared columns, pseudo labels, pseudo weight, flag and consumer columns.</summary>
    public IDataView StudentPseudoView(IDataView unlabeled, UnlabeledPool<TTarget> pool, Func<long, float> weightOf)
    {
        TTarget TargetOf(long row) => pool.Target[row];
        var computed = new List<ComputedColumn>(_task.PseudoLabelColumns(TargetOf));
        if (WeightColumn is not null)
        {
            computed.Add(ComputedColumn<float>.FromIndex(WeightColumn, NumberDataViewType.Single, weightOf));
        }

        if (Student.Consumer is { } consumer)
        {
            computed.Add(Flag(consumer, isPseudo: true));
            computed.AddRange(_task.PseudoConsumerColumns(consumer, TargetOf));
        }

        return new AugmentedDataView(unlabeled, SharedColumns, computed, pool.IsLabeled, pool.PseudoLabeledCount);
    }

    /// <summary>Unlabeled rows as the teacher scores them: all their columns, missing labels if they have none, and the row index.</summary>
    public IDataView ScoringView(IDataView unlabeled, Func<long, bool> keepRow)
    {
        var computed = new List<ComputedColumn> { ComputedColumn<long>.FromIndex(ColumnPlan.RowIndexColumnName, NumberDataViewType.Int64, row => row) };
        computed.AddRange(_task.MissingLabelColumns());
        return new AugmentedDataView(unlabeled, null, computed, keepRow);
    }

    private static ComputedColumn<bool> Flag(IPseudoLabelConsumer consumer, bool isPseudo)
        => ComputedColumn<bool>.Constant(consumer.PseudoLabelFlagColumnName, BooleanDataViewType.Instance, isPseudo);

    private List<string> Kept(IDataView training)
    {
        var kept = new List<string>(SharedColumns);
        kept.AddRange(_task.LabelColumns);
        if (_trainingHasWeight && WeightColumn is not null && training.Schema.GetColumnOrNull(WeightColumn) is not null)
        {
            kept.Add(WeightColumn);
        }

        return kept;
    }

    private void AddHumanWeight(List<ComputedColumn> computed)
    {
        if (WeightColumn is not null && !_trainingHasWeight)
        {
            computed.Add(ComputedColumn<float>.Constant(WeightColumn, NumberDataViewType.Single, 1f));
        }
    }
}
