using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// The first cursor of a <see cref="ReplayedDataView"/>: it reads the inner cursor and records, within the recording's
/// bounds, a copy of each value its getters return for the leading rows; the recording is sealed and handed over when it
/// is disposed.
/// </summary>
internal sealed class RecordingRowCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _inner;
    private readonly ReplayRecording _recording;
    private readonly Action<ReplayRecording> _recorded;
    private long _rows;
    private bool _ended;
    private bool _disposed;

    /// <param name="inner">The inner view's cursor.</param>
    /// <param name="recording">Filled by the getters.</param>
    /// <param name="recorded">Called once with the sealed recording when the cursor is disposed.</param>
    public RecordingRowCursor(DataViewRowCursor inner, ReplayRecording recording, Action<ReplayRecording> recorded)
    {
        _inner = inner;
        _recording = recording;
        _recorded = recorded;
    }

    public override DataViewSchema Schema => _inner.Schema;

    public override long Position => _inner.Position;

    public override long Batch => _inner.Batch;

    public override bool MoveNext()
    {
        var moved = _inner.MoveNext();
        _rows += moved ? 1 : 0;
        _ended |= !moved;
        return moved;
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var inner = _inner.GetGetter<TValue>(column);
        var values = _recording.Column<TValue>(column.Index);
        return (ref TValue value) =>
        {
            inner(ref value);
            values.Record(_inner.Position, in value, _recording);
        };
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => _inner.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _inner.IsColumnActive(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _inner.Dispose();
            _recording.Seal(_rows, _ended);
            _recorded(_recording);
        }

        base.Dispose(disposing);
    }
}
