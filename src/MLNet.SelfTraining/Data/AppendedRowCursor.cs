using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Data;

/// <summary>The sequential cursor of <see cref="AppendedDataView"/>: it walks each part in turn.</summary>
internal sealed class AppendedRowCursor : DataViewRowCursor
{
    private readonly IDataView _view;
    private readonly IReadOnlyList<IDataView> _parts;
    private readonly HashSet<string> _active;
    private readonly CancellationToken _cancellation;
    private DataViewRowCursor? _current;
    private int _part = -1;
    private long _position = -1;

    public AppendedRowCursor(IDataView view, IReadOnlyList<IDataView> parts, HashSet<string> active, CancellationToken cancellation)
    {
        _view = view;
        _parts = parts;
        _active = active;
        _cancellation = cancellation;
    }

    public override DataViewSchema Schema => _view.Schema;

    public override long Position => _position;

    public override long Batch => 0;

    public override bool MoveNext()
    {
        _cancellation.ThrowIfCancellationRequested();
        while (true)
        {
            if (_current is not null && _current.MoveNext())
            {
                _position++;
                return true;
            }

            _current?.Dispose();
            _current = null;
            if (++_part >= _parts.Count)
            {
                return false;
            }

            var part = _parts[_part];
            _current = part.GetRowCursor(part.Schema.Where(c => !c.IsHidden && _active.Contains(c.Name)));
        }
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_active.Contains(column.Name))
        {
            throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
        }

        int getterPart = -1;
        ValueGetter<TValue>? inner = null;
        return (ref TValue value) =>
        {
            if (getterPart != _part)
            {
                var cursor = _current ?? throw new InvalidOperationException("The cursor is not on a row.");
                inner = cursor.GetGetter<TValue>(cursor.Schema[column.Name]);
                getterPart = _part;
            }

            inner!(ref value);
        };
    }

    public override ValueGetter<DataViewRowId> GetIdGetter()
        => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, (ulong)_part);

    public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Name);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
        }

        base.Dispose(disposing);
    }
}
