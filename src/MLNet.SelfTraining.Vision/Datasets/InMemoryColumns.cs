using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;

namespace MLNet.SelfTraining.Vision.Datasets;

/// <summary>
/// The data set readers' rows as an <see cref="IDataView"/>: one source row per image (its id, a Text column), and
/// columns computed from the row index that copy the values read into memory.
/// </summary>
internal sealed class InMemoryColumns
{
    private readonly List<ComputedColumn> _columns = [];

    /// <summary>Adds a vector column whose value on row i is a copy of <paramref name="rows"/>[i].</summary>
    public InMemoryColumns Vector<T>(string name, VectorDataViewType type, IReadOnlyList<T[]> rows, DataViewSchema.Annotations? annotations = null)
    {
        _columns.Add(new ComputedColumn<VBuffer<T>>(name, type, (row, slot) =>
        {
            var values = rows[(int)row];
            var buffer = slot.Value;
            var editor = VBufferEditor.Create(ref buffer, values.Length);
            values.CopyTo(editor.Values);
            slot.Value = editor.Commit();
        }, annotations));
        return this;
    }

    /// <summary>Adds a scalar column whose value on row i is <paramref name="rows"/>[i].</summary>
    public InMemoryColumns Scalar<T>(string name, DataViewType type, IReadOnlyList<T> rows)
    {
        _columns.Add(ComputedColumn<T>.FromIndex(name, type, row => rows[(int)row]));
        return this;
    }

    /// <summary>The view: the <see cref="DatasetColumnNames.ImageId"/> column of <paramref name="imageIds"/>, then the added columns.</summary>
    public IDataView ToDataView(DataOperationsCatalog catalog, IEnumerable<string> imageIds)
        => new AugmentedDataView(catalog.LoadFromEnumerable(imageIds.Select(id => new IdRow { ImageId = id }).ToArray()), null, _columns);

    /// <summary>One row's image id.</summary>
    private sealed class IdRow
    {
        public string ImageId { get; set; } = string.Empty;
    }
}
