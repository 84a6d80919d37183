using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Data;

/// <summary>The sequential cursor of <see cref="AugmentedDataView"/>.</summary>
internal sealed class AugmentedRowCursor : DataViewRowCursor
{
    private readonly IDataView _view;
    private readonly DataViewRowCursor _source;
    private readonly bool[] _active;
    private readonly int[] _sourceColumnOf;
    private readonly Delegate?[] _computedGetters;
    private readonly Func<long, bool>? _keepRow;
    private long _position = -1;

    public AugmentedRowCursor(IDataView view, DataViewRowCursor source, bool[] active, int[] sourceColumnOf,
        ComputedColumn?[] computedOf, Func<long, bool>? keepRow)
    {
        _view = view;
        _source = source;
        _active = active;
        _sourceColumnOf = sourceColumnOf;
        _keepRow = keepRow;
        _computedGetters = computedOf.Select((c, i) => active[i] ? c?.MakeGetter(_source) : null).ToArray();
    }

    public override DataViewSchema Schema => _view.Schema;

    public override long Position => _position;

    public override long Batch => 0;

    public override bool MoveNext()
    {
        while (_source.MoveNext())
        {
            if (_keepRow is null || _keepRow(_source.Position))
            {
                _position++;
                return true;
            }
        }

        return false;
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_active[column.Index])
        {
            throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
        }

        var sourceIndex = _sourceColumnOf[column.Index];
        if (sourceIndex >= 0)
        {
            return _source.GetGetter<TValue>(_source.Schema[sourceIndex]);
        }

        return _computedGetters[column.Index] as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => _source.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }
}
