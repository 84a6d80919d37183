using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>
/// Cursor over scored data. Pass-through columns come from an input cursor; when a computed column is active, a second
/// input cursor over the feature column runs ahead by one batch, so the network sees batches of
/// <see cref="ScoreBatch.Capacity"/> rows (both cursors visit the input rows in the same order).
/// </summary>
internal sealed class ScoredRowCursor : DataViewRowCursor
{
    private readonly ScoredSchema _schema;
    private readonly DataViewRowCursor _input;
    private readonly DataViewRowCursor? _featureCursor;
    private readonly ValueGetter<VBuffer<float>>? _getFeatures;
    private readonly ScoreBatch? _batch;
    private readonly bool[] _active;
    private VBuffer<float> _features;
    private int _batchRow;

    public ScoredRowCursor(ScoredSchema schema, IDataView input, IBatchScorer scorer, int batchSize,
        IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        _schema = schema;
        var columns = columnsNeeded.ToArray();
        _active = ScoredColumns.Active(schema, columns);
        var passThrough = columns.Where(c => !schema.IsComputed(c.Index)).Select(c => schema.Input[c.Index]);
        _input = input.GetRowCursor(passThrough);
        if (ScoredColumns.NeedsScores(schema, columns))
        {
            _featureCursor = input.GetRowCursor([schema.Features]);
            _getFeatures = _featureCursor.GetGetter<VBuffer<float>>(schema.Features);
            _batch = new ScoreBatch(scorer, batchSize);
            _batchRow = -1;
        }
    }

    public override DataViewSchema Schema => _schema.Output;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        ScoredColumns.Getter<TValue>(_schema, _active, _input, column, _batch, () => _batchRow);

    public override bool MoveNext()
    {
        if (!_input.MoveNext())
        {
            return false;
        }

        if (_batch is not null && ++_batchRow >= _batch.Count)
        {
            FillBatch();
        }

        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
            _featureCursor?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void FillBatch()
    {
        _batch!.Clear();
        while (_batch.Count < _batch.Capacity && _featureCursor!.MoveNext())
        {
            _getFeatures!(ref _features);
            _batch.Add(_features);
        }

        if (_batch.Count == 0)
        {
            throw new InvalidOperationException("The input data returned fewer rows for the feature column than for the other columns.");
        }

        _batch.Score();
        _batchRow = 0;
    }
}
