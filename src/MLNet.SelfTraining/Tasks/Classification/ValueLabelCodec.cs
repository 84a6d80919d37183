using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tasks.Classification;

/// <summary>
/// A label of raw values that the teacher's pipeline maps to keys (e.g. with <c>MapValueToKey</c>). The class of a
/// value is its index in the score column's <c>TrainingLabelValues</c> annotation.
/// </summary>
internal sealed class ValueLabelCodec<T>(DataViewSchema.Column column, Func<T, bool> isMissing, Func<T, string> keyOf) : LabelCodec(column)
{
    private T[]? _values;
    private Dictionary<string, int>? _classOf;

    public override Func<bool> MakeMissingReader(DataViewRow row)
    {
        var getter = row.GetGetter<T>(Column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return isMissing(value);
        };
    }

    public override Func<string?> MakeValueReader(DataViewRow row)
    {
        var getter = row.GetGetter<T>(Column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return isMissing(value) ? null : keyOf(value);
        };
    }

    public override void Bind(TeacherScores scores)
    {
        var annotations = scores.Column.Annotations;
        var annotation = annotations.Schema.GetColumnOrNull("TrainingLabelValues");
        if (annotation is not { Type: VectorDataViewType { ItemType: var item } } || item.RawType != typeof(T))
        {
            throw new InvalidOperationException(
                $"Label column '{Column.Name}' holds {Column.Type} values, so the teacher's '{scores.Column.Name}' column was expected to carry a 'TrainingLabelValues' annotation of {Column.Type} that maps score slots to label values; got {(annotation is null ? "no such annotation" : annotation.Value.Type.ToString())}. Map the label with mlContext.Transforms.Conversion.MapValueToKey in the teacher pipeline, or give the label as a key column.");
        }

        var buffer = default(VBuffer<T>);
        annotations.GetValue("TrainingLabelValues", ref buffer);
        _values = buffer.DenseValues().ToArray();
        _classOf = _values.Select((v, i) => (keyOf(v), i)).ToDictionary(p => p.Item1, p => p.i);
    }

    public override Func<int> MakeClassReader(DataViewRow row)
    {
        var classOf = _classOf ?? throw new InvalidOperationException("The label codec is not bound to a teacher yet.");
        var getter = row.GetGetter<T>(Column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return !isMissing(value) && classOf.TryGetValue(keyOf(value), out var c) ? c : -1;
        };
    }

    public override ComputedColumn MakeColumn(string name, Func<long, int> classOf)
    {
        var values = _values ?? throw new InvalidOperationException("The label codec is not bound to a teacher yet.");
        return ComputedColumn<T>.FromIndex(name, Column.Type, i => values[classOf(i)], Column.Annotations);
    }

    public override ComputedColumn MakeMissingColumn(string name)
    {
        T missing = typeof(T) == typeof(float) ? (T)(object)float.NaN : default!;
        return ComputedColumn<T>.Constant(name, Column.Type, missing, Column.Annotations);
    }
}
