using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;

namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>
/// Row-to-row view of <see cref="ImagePixelsTransformer"/>, which <c>PredictionEngine</c> uses: the output schema is the
/// one <see cref="ImagePixelsTransformer.Transform"/> gives, and each output row reads its image when the pixels are got.
/// </summary>
internal sealed class ImagePixelsRowMapper : IRowToRowMapper
{
    private readonly ImagePixelsColumn _column;

    public ImagePixelsRowMapper(DataViewSchema inputSchema, ImagePixelsColumn column)
    {
        InputSchema = inputSchema;
        _column = column;
        OutputSchema = new AugmentedDataView(new EmptyDataView(inputSchema), keepSourceColumns: null, [column]).Schema;
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    /// <summary>The input column that <paramref name="output"/> is read from, or <see langword="null"/> for the pixel column.</summary>
    public DataViewSchema.Column? SourceOf(DataViewSchema.Column output)
        => output.Name == _column.Name ? null : InputSchema[output.Name];

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
        => dependingColumns
            .SelectMany(c => SourceOf(c) is { } source ? [source] : _column.Dependencies.Select(n => InputSchema[n]))
            .DistinctBy(c => c.Index);

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Schema != InputSchema)
        {
            throw new ArgumentOutOfRangeException(nameof(input), "The row's schema is not the input schema of this mapper.");
        }

        var active = activeColumns.Select(c => c.Index).ToHashSet();
        return new ImagePixelsRow(this, input, _column, active);
    }
}
