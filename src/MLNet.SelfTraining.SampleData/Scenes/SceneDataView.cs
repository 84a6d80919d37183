using Microsoft.ML;

namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// A read-only, shufflable <see cref="IDataView"/> over the scenes of a <see cref="SceneSet"/>; values are converted
/// only when a cursor reads them, by the getters of <see cref="SceneGetters"/> (one view for detection and
/// segmentation, one for classification).
/// </summary>
internal sealed class SceneDataView : IDataView
{
    private readonly int _rowCount;
    private readonly Func<int, Func<int>, Delegate> _createGetter;

    /// <summary>Creates a view of <paramref name="rowCount"/> scenes.</summary>
    /// <param name="rowCount">The number of scenes.</param>
    /// <param name="schema">The view's schema.</param>
    /// <param name="createGetter">A column's getter from its index and an accessor of the cursor's current scene.</param>
    public SceneDataView(int rowCount, DataViewSchema schema, Func<int, Func<int>, Delegate> createGetter)
    {
        _rowCount = rowCount;
        _createGetter = createGetter;
        Schema = schema;
    }

    /// <inheritdoc/>
    public bool CanShuffle => true;

    /// <inheritdoc/>
    public DataViewSchema Schema { get; }

    /// <inheritdoc/>
    public long? GetRowCount() => _rowCount;

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new SceneRowCursor(_rowCount, Schema, columnsNeeded, rand, _createGetter);

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
