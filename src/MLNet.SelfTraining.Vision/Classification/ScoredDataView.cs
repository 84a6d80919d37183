using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Classification;

/// <summary>The lazy result of <see cref="TorchImageClassifierTransformer.Transform"/>: the input plus <c>Score</c> and <c>PredictedLabel</c>.</summary>
internal sealed class ScoredDataView : IDataView
{
    private readonly ScoredSchema _schema;
    private readonly IDataView _input;
    private readonly ImageClassifierPredictor _predictor;
    private readonly int _batchSize;

    public ScoredDataView(ScoredSchema schema, IDataView input, ImageClassifierPredictor predictor, int batchSize)
    {
        _schema = schema;
        _input = input;
        _predictor = predictor;
        _batchSize = batchSize;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => _schema.Output;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new ScoredRowCursor(_schema, _input, _predictor, _batchSize, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
