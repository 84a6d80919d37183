using Microsoft.ML;

namespace MLNet.SelfTraining.SampleData;

/// <summary>
/// A read-only, shufflable <see cref="IDataView"/> over a subset of <see cref="MnistData"/> rows; pixels are
/// converted to floats only when a cursor reads them.
/// </summary>
internal sealed class MnistDataView : IDataView
{
    private readonly MnistData _data;
    private readonly int[] _rows;
    private readonly bool _hideLabels;

    /// <summary>Creates a view of <paramref name="rows"/> (validated indices into <paramref name="data"/>).</summary>
    public MnistDataView(MnistData data, int[] rows, bool hideLabels, DataViewSchema schema)
    {
        _data = data;
        _rows = rows;
        _hideLabels = hideLabels;
        Schema = schema;
    }

    /// <inheritdoc/>
    public bool CanShuffle => true;

    /// <inheritdoc/>
    public DataViewSchema Schema { get; }

    /// <inheritdoc/>
    public long? GetRowCount() => _rows.Length;

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new MnistRowCursor(_data, _rows, _hideLabels, Schema, columnsNeeded, rand);

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
