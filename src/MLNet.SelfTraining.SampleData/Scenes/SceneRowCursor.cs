using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// A cursor over the scenes of a scene data view, in scene order or shuffled; the view supplies each column's getter
/// from the column index and an accessor of the current scene.
/// </summary>
internal sealed class SceneRowCursor : DataViewRowCursor
{
    private readonly int _rowCount;
    private readonly bool[] _active;
    private readonly int[]? _order;
    private readonly Func<int, Func<int>, Delegate> _createGetter;
    private long _position = -1;

    /// <summary>Creates a cursor over <paramref name="rowCount"/> scenes; <paramref name="rand"/>, if given, shuffles them.</summary>
    public SceneRowCursor(
        int rowCount,
        DataViewSchema schema,
        IEnumerable<DataViewSchema.Column> columnsNeeded,
        Random? rand,
        Func<int, Func<int>, Delegate> createGetter)
    {
        _rowCount = rowCount;
        _createGetter = createGetter;
        Schema = schema;
        _active = new bool[schema.Count];
        foreach (var column in columnsNeeded)
        {
            _active[column.Index] = true;
        }

        if (rand is not null)
        {
            _order = Enumerable.Range(0, rowCount).ToArray();
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
        _position = Math.Min(_position + 1, _rowCount);
        return _position < _rowCount;
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

        return _createGetter(column.Index, CurrentScene) as ValueGetter<TValue> ?? throw new InvalidOperationException(
            $"Column '{column.Name}' has type {column.Type}; it cannot be read as {typeof(TValue)}.");
    }

    /// <inheritdoc/>
    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId value) => value = new DataViewRowId((ulong)CurrentScene(), 0);

    private int CurrentScene()
    {
        if (_position < 0 || _position >= _rowCount)
        {
            throw new InvalidOperationException("The cursor is not on a row: call MoveNext first and read only while it returns true.");
        }

        return _order?[_position] ?? (int)_position;
    }
}
