using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Data;

/// <summary>A column whose value is computed from the index of the source row it is attached to.</summary>
internal abstract class ComputedColumn
{
    protected ComputedColumn(string name, DataViewType type, DataViewSchema.Annotations? annotations)
    {
        Name = name;
        Type = type;
        Annotations = annotations ?? DataViewSchema.Annotations.Empty;
    }

    public string Name { get; }

    public DataViewType Type { get; }

    public DataViewSchema.Annotations Annotations { get; }

    /// <summary>Names of source columns the value is computed from; they are activated on the source cursor.</summary>
    public virtual IReadOnlyList<string> Dependencies => [];

    /// <summary>Makes a getter over <paramref name="source"/>, whose <see cref="DataViewRow.Position"/> is the source row index.</summary>
    public abstract Delegate MakeGetter(DataViewRow source);
}

/// <summary>A computed column of values of type <typeparamref name="T"/>.</summary>
internal sealed class ComputedColumn<T> : ComputedColumn
{
    private readonly Action<long, ValueSlot<T>> _fill;

    public ComputedColumn(string name, DataViewType type, Action<long, ValueSlot<T>> fill, DataViewSchema.Annotations? annotations = null)
        : base(name, type, annotations)
    {
        _fill = fill;
    }

    /// <summary>A column holding <paramref name="value"/> on every row.</summary>
    public static ComputedColumn<T> Constant(string name, DataViewType type, T value, DataViewSchema.Annotations? annotations = null)
        => new(name, type, (_, slot) => slot.Value = value, annotations);

    /// <summary>A column whose value is <paramref name="valueOf"/> of the source row index.</summary>
    public static ComputedColumn<T> FromIndex(string name, DataViewType type, Func<long, T> valueOf, DataViewSchema.Annotations? annotations = null)
        => new(name, type, (i, slot) => slot.Value = valueOf(i), annotations);

    public override Delegate MakeGetter(DataViewRow source)
    {
        var slot = new ValueSlot<T>();
        ValueGetter<T> getter = (ref T value) =>
        {
            slot.Value = value;
            _fill(source.Position, slot);
            value = slot.Value;
        };
        return getter;
    }
}

/// <summary>A mutable holder passed to fill callbacks, so vector columns can reuse their buffers.</summary>
internal sealed class ValueSlot<T>
{
    public T Value { get; set; } = default!;
}
