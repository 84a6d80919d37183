using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData;

/// <summary>A cursor over <see cref="MnistDataView"/> rows, in view order or shuffled.</summary>
internal sealed class MnistRowCursor : DataViewRowCursor
{
    private readonly MnistData _data;
    private readonly int[] _rows;
    private readonly bool _hideLabels;
    private readonly bool[] _active;
    private readonly int[]? _order;
    private long _position = -1;

    /// <summary>Creates a cursor; <paramref name="rand"/>, if given, shuffles the row order.</summary>
    public MnistRowCursor(
        MnistData data, int[] rows, bool hideLabels, DataViewSchema schema, IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand)
    {
        _data = data;
        _rows = rows;
        _hideLabels = hideLabels;
        Schema = schema;
        _active = new bool[schema.Count];
        foreach (var column in columnsNeeded)
        {
            _active[column.Index] = true;
        }

        if (rand is not null)
        {
            _order = Enumerable.Range(0, rows.Length).ToArray();
            rand.Shuffle(_order);
        }
    }

    /// <inheritdoc/>
    public override DataViewSchema Schema { get; }

    /// <inheritdoc/>
    public override long Position => _position;

    /// <inheritdoc/>
    public override long Batch => 0;

    /// <inheritdoc/>
    public override bool MoveNext()
    {
        _position = Math.Min(_position + 1, _rows.Length);
        return _position < _rows.Length;
    }

    /// <inheritdoc/>
    public override bool IsColumnActive(DataViewSchema.Column column) =>
        column.Index < _active.Length && _active[column.Index];

    /// <inheritdoc/>
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsColumnActive(column))
        {
            throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
        }

        Delegate getter = column.Index == MnistSchema.LabelIndex
            ? (ValueGetter<uint>)GetLabel
            : (ValueGetter<VBuffer<float>>)GetFeatures;
        return getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
            $"Column '{column.Name}' has type {column.Type}; it cannot be read as {typeof(TValue)}.");
    }

    /// <inheritdoc/>
    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId value) => value = new DataViewRowId((ulong)CurrentViewRow(), 0);

    private void GetLabel(ref uint value) =>
        value = _hideLabels ? 0 : (uint)_data.GetLabel(_rows[CurrentViewRow()]) + 1;

    private void GetFeatures(ref VBuffer<float> value)
    {
        var pixels = _data.GetImage(_rows[CurrentViewRow()]);
        var editor = VBufferEditor.Create(ref value, pixels.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            editor.Values[i] = pixels[i] / 255f;
        }

        value = editor.Commit();
    }

    private int CurrentViewRow()
    {
        if (_position < 0 || _position >= _rows.Length)
        {
            throw new InvalidOperationException("The cursor is not on a row: call MoveNext first and read only while it returns true.");
        }

        return _order?[_position] ?? (int)_position;
    }
}
