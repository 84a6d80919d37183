using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>The lazy result of a scoring transformer: the input plus the columns computed from the network, scored in batches.</summary>
internal sealed class ScoredDataView : IDataView
{
    private readonly ScoredSchema _schema;
    private readonly IDataView _input;
    private readonly IBatchScorer _scorer;
    private readonly int _batchSize;

    public ScoredDataView(ScoredSchema schema, IDataView input, IBatchScorer scorer, int batchSize)
    {
        _schema = schema;
        _input = input;
        _scorer = scorer;
        _batchSize = batchSize;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => _schema.Output;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new ScoredRowCursor(_schema, _input, _scorer, _batchSize, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
