using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;

namespace MLNet.SelfTraining.PseudoLabeling;

/// <summary>A column computed from the teacher's class probabilities of the same row (NaN-valued rows get <c>valid: false</c>).</summary>
internal sealed class ScoreDerivedColumn<T> : ComputedColumn
{
    private readonly TeacherScores _scores;
    private readonly Action<float[], bool, ValueSlot<T>> _fill;

    public ScoreDerivedColumn(string name, DataViewType type, TeacherScores scores, Action<float[], bool, ValueSlot<T>> fill,
        DataViewSchema.Annotations? annotations = null)
        : base(name, type, annotations)
    {
        _scores = scores;
        _fill = fill;
    }

    public override IReadOnlyList<string> Dependencies => [_scores.Column.Name];

    public override Delegate MakeGetter(DataViewRow source)
    {
        var read = _scores.MakeReader(source);
        var probabilities = new float[_scores.ClassCount];
        var slot = new ValueSlot<T>();
        ValueGetter<T> getter = (ref T value) =>
        {
            slot.Value = value;
            _fill(probabilities, read(probabilities), slot);
            value = slot.Value;
        };
        return getter;
    }
}
