using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Classification;

/// <summary>Row-to-row view of a fitted classifier, which <c>PredictionEngine</c> uses.</summary>
internal sealed class ClassifierRowMapper : IRowToRowMapper
{
    private readonly ScoredSchema _schema;
    private readonly ImageClassifierPredictor _predictor;

    public ClassifierRowMapper(ScoredSchema schema, ImageClassifierPredictor predictor)
    {
        _schema = schema;
        _predictor = predictor;
    }

    public DataViewSchema InputSchema => _schema.Input;

    public DataViewSchema OutputSchema => _schema.Output;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        ScoredColumns.Dependencies(_schema, dependingColumns);

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        if (input.Schema != _schema.Input)
            throw new ArgumentOutOfRangeException(nameof(input), "The row's schema is not the input schema of this mapper.");
        return new ScoredRow(_schema, input, _predictor, activeColumns);
    }
}
