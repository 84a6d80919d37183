using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// A view whose first cursor records the values its getters return (<see cref="ReplayRecording"/>) and, if it recorded
/// every row of the view, whose next cursor over the same columns serves them instead of asking the inner view again: a
/// teacher's columns are computed once when ML.NET's binary saver reads a view of at most 8,192 rows twice (once to size
/// its blocks, once to write them). Any other cursor (other columns, shuffled, a later one, or after a recording that
/// stopped at its bounds) reads the inner view, in parallel where ML.NET splits it.
/// </summary>
/// <remarks>
/// A larger view is not replayed: the replayed rows must be skipped without being computed, which only a sequential
/// cursor does (ML.NET's <c>GetRowCursor</c> of a row-to-row transform splits the rows over threads that call every
/// getter), and a sequential write of a large view is slower than computing its first 8,192 rows twice in parallel.
/// </remarks>
internal sealed class ReplayedDataView : IDataView
{
    private readonly IDataView _inner;
    private readonly object _lock = new();
    private bool _recorded;
    private ReplayRecording? _ready;

    /// <param name="inner">The view read; it must give the same rows in the same order to every unshuffled cursor.</param>
    public ReplayedDataView(IDataView inner) => _inner = inner;

    public bool CanShuffle => false;

    public DataViewSchema Schema => _inner.Schema;

    public long? GetRowCount() => _inner.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var columns = columnsNeeded.ToList();
        if (rand is not null)
        {
            return _inner.GetRowCursor(columns, rand);
        }

        var indices = columns.Select(c => c.Index).ToHashSet();
        ReplayRecording? ready;
        bool record;
        lock (_lock)
        {
            (ready, _ready) = (_ready, null);
            record = ready is null && !_recorded && columns.All(c => c.Type is PrimitiveDataViewType or VectorDataViewType);
            _recorded |= record;
        }

        return record ? new RecordingRowCursor(_inner.GetRowCursor(columns), new ReplayRecording(indices), Recorded)
            : ready is not null && ready.Columns.SetEquals(indices) ? new ReplayingRowCursor(Sequential(columns), ready)
            : _inner.GetRowCursor(columns);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];

    /// <summary>
    /// One cursor that computes only in its getters, so that moving it over the replayed rows scores none of them. A view
    /// that gives more than one cursor when asked for one is read through <c>GetRowCursor</c>: the values are the same.
    /// </summary>
    private DataViewRowCursor Sequential(IReadOnlyList<DataViewSchema.Column> columns)
    {
        var set = _inner.GetRowCursorSet(columns, 1);
        if (set.Length == 1)
        {
            return set[0];
        }

        foreach (var cursor in set)
        {
            cursor.Dispose();
        }

        return _inner.GetRowCursor(columns);
    }

    /// <summary>Called when the recording cursor is disposed: the recording is kept for the next cursor if it holds every row.</summary>
    private void Recorded(ReplayRecording recording)
    {
        lock (_lock)
        {
            _ready = recording.Complete && recording.Rows > 0 ? recording : null;
        }
    }
}
