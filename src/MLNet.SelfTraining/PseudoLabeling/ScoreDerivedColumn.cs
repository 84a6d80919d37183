using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;

namespace MLNet.SelfTraining.PseudoLabeling;

/// <summary>
/// A column computed from the teacher's class probabilities of the same row. Columns made with the same
/// <paramref name="rows"/> table share one <see cref="RowScores"/> per cursor, so each row's scores are read once.
/// </summary>
internal sealed class ScoreDerivedColumn<T>(string name, DataViewType type, TeacherScores scores,
    ConditionalWeakTable<DataViewRow, RowScores> rows, Action<RowScores, ValueSlot<T>> fill,
    DataViewSchema.Annotations? annotations = null) : ComputedColumn(name, type, annotations)
{
    public override IReadOnlyList<string> Dependencies => [scores.Column.Name];

    public override Delegate MakeGetter(DataViewRow source)
    {
        var row = rows.GetValue(source, r => new RowScores(scores, r));
        var slot = new ValueSlot<T>();
        ValueGetter<T> getter = (ref T value) =>
        {
            slot.Value = value;
            fill(row.Current(), slot);
            value = slot.Value;
        };
        return getter;
    }
}
