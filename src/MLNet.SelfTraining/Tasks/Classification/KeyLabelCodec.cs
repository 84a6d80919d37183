using Microsoft.ML;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tasks.Classification;

/// <summary>A key label: key 0 is missing, key k is class k − 1 (score slot k − 1).</summary>
internal sealed class KeyLabelCodec(DataViewSchema.Column column, int keyCount) : LabelCodec(column)
{
    /// <summary>The key type's count: the number of classes.</summary>
    public int KeyCount => keyCount;

    public override Func<string?> MakeValueReader(DataViewRow row)
    {
        var getter = row.GetGetter<uint>(Column);
        uint value = 0;
        return () =>
        {
            getter(ref value);
            return value == 0 ? null : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        };
    }

    public override Func<bool> MakeMissingReader(DataViewRow row)
    {
        var getter = row.GetGetter<uint>(Column);
        uint value = 0;
        return () =>
        {
            getter(ref value);
            return value == 0;
        };
    }

    public override void Bind(TeacherScores scores)
    {
        if (scores.ClassCount != keyCount)
        {
            throw new InvalidOperationException(
                $"The teacher's '{scores.Column.Name}' column was expected to have one slot per key value of label column '{Column.Name}' ({keyCount}); got {scores.ClassCount}. Self-training needs the teacher to score every class of the label's key type.");
        }
    }

    public override Func<int> MakeClassReader(DataViewRow row)
    {
        var getter = row.GetGetter<uint>(Column);
        uint value = 0;
        return () =>
        {
            getter(ref value);
            return (int)value - 1;
        };
    }

    public override ComputedColumn MakeColumn(string name, Func<long, int> classOf)
        => ComputedColumn<uint>.FromIndex(name, Column.Type, i => (uint)(classOf(i) + 1), Column.Annotations);

    public override ComputedColumn MakeMissingColumn(string name)
        => ComputedColumn<uint>.Constant(name, Column.Type, 0u, Column.Annotations);
}
