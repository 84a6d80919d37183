using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>
/// One scored row over an input row (for <c>PredictionEngine</c>): the input is scored on first access to a computed
/// column after the input row moves.
/// </summary>
internal sealed class ScoredRow : DataViewRow
{
    private readonly ScoredSchema _schema;
    private readonly DataViewRow _input;
    private readonly ValueGetter<VBuffer<float>>? _getFeatures;
    private readonly ScoreBatch _batch;
    private readonly bool[] _active;
    private VBuffer<float> _features;
    private long _scoredPosition = -1;

    public ScoredRow(ScoredSchema schema, DataViewRow input, IBatchScorer scorer, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        _schema = schema;
        _input = input;
        var columns = activeColumns.ToArray();
        _active = ScoredColumns.Active(schema, columns);
        if (ScoredColumns.NeedsScores(schema, columns))
        {
            _getFeatures = input.GetGetter<VBuffer<float>>(schema.Features);
        }

        _batch = new ScoreBatch(scorer, 1);
    }

    public override DataViewSchema Schema => _schema.Output;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        ScoredColumns.Getter<TValue>(_schema, _active, _input, column, _batch, () =>
        {
            EnsureScored();
            return 0;
        });

    private void EnsureScored()
    {
        if (_scoredPosition == _input.Position)
        {
            return;
        }

        _getFeatures!(ref _features);
        _batch.Clear();
        _batch.Add(_features);
        _batch.Score();
        _scoredPosition = _input.Position;
    }
}
