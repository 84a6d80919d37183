using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>Row-to-row view of a scoring transformer, which <c>PredictionEngine</c> uses.</summary>
internal sealed class ScoredRowMapper : IRowToRowMapper
{
    private readonly ScoredSchema _schema;
    private readonly IBatchScorer _scorer;

    public ScoredRowMapper(ScoredSchema schema, IBatchScorer scorer)
    {
        _schema = schema;
        _scorer = scorer;
    }

    public DataViewSchema InputSchema => _schema.Input;

    public DataViewSchema OutputSchema => _schema.Output;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        ScoredColumns.Dependencies(_schema, dependingColumns);

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        if (input.Schema != _schema.Input)
        {
            throw new ArgumentOutOfRangeException(nameof(input), "The row's schema is not the input schema of this mapper.");
        }

        return new ScoredRow(_schema, input, _scorer, activeColumns);
    }
}
