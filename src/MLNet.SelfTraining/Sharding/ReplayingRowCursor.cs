using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// The second cursor of a <see cref="ReplayedDataView"/> over the recorded columns: on the recorded rows it moves the
/// inner cursor without calling its getters (a sequential scored cursor computes in its getters) and serves the recorded
/// values; once past them the recording is let go, and any further row is read from the inner cursor.
/// </summary>
internal sealed class ReplayingRowCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _inner;
    private ReplayRecording? _recording;
    private long _row = -1;

    /// <param name="inner">The inner view's cursor, over the recording's columns.</param>
    /// <param name="recording">The sealed, complete recording of the first cursor.</param>
    public ReplayingRowCursor(DataViewRowCursor inner, ReplayRecording recording)
    {
        _inner = inner;
        _recording = recording;
    }

    public override DataViewSchema Schema => _inner.Schema;

    public override long Position => _inner.Position;

    public override long Batch => _inner.Batch;

    public override bool MoveNext()
    {
        var moved = _inner.MoveNext();
        _row++;
        if (!moved || _row >= _recording?.Rows)
        {
            _recording = null;
        }

        return moved;
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var inner = _inner.GetGetter<TValue>(column);
        return (ref TValue value) =>
        {
            if (_recording is { } recording)
            {
                recording.Column<TValue>(column.Index).Serve((int)_row, ref value);
            }
            else
            {
                inner(ref value);
            }
        };
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => _inner.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _inner.IsColumnActive(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _recording = null;
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
