using Microsoft.ML;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tasks.Classification;

/// <summary>A Boolean label: class 0 is <see langword="false"/>, class 1 is <see langword="true"/>; never missing.</summary>
internal sealed class BooleanLabelCodec(DataViewSchema.Column column) : LabelCodec(column)
{
    public override Func<bool> MakeMissingReader(DataViewRow row) => () => false;

    public override Func<string?> MakeValueReader(DataViewRow row)
    {
        var getter = row.GetGetter<bool>(Column);
        bool value = false;
        return () =>
        {
            getter(ref value);
            return value ? "true" : "false";
        };
    }

    public override void Bind(TeacherScores scores)
    {
    }

    public override Func<int> MakeClassReader(DataViewRow row)
    {
        var getter = row.GetGetter<bool>(Column);
        bool value = false;
        return () =>
        {
            getter(ref value);
            return value ? 1 : 0;
        };
    }

    public override ComputedColumn MakeColumn(string name, Func<long, int> classOf)
        => ComputedColumn<bool>.FromIndex(name, Column.Type, i => classOf(i) == 1, Column.Annotations);

    public override ComputedColumn MakeMissingColumn(string name)
        => ComputedColumn<bool>.Constant(name, Column.Type, false, Column.Annotations);
}
