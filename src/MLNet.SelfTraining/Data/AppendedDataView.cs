using Microsoft.ML;

namespace MLNet.SelfTraining.Data;

/// <summary>
/// The rows of several views, one after another (ML.NET's own <c>AppendRowsDataView</c> is internal). The schema is the
/// first view's visible columns; every other view must have columns of the same names and types.
/// </summary>
internal sealed class AppendedDataView : IDataView
{
    private readonly IReadOnlyList<IDataView> _parts;
    private readonly CancellationToken _cancellation;

    /// <param name="parts">The views, in order.</param>
    /// <param name="cancellation">Checked at every row: a trainer reading the view stops with <see cref="OperationCanceledException"/>.</param>
    public AppendedDataView(IReadOnlyList<IDataView> parts, CancellationToken cancellation = default)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("At least one view is expected; got none.", nameof(parts));
        }

        _parts = parts;
        _cancellation = cancellation;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(parts[0].Schema.Where(c => !c.IsHidden));
        Schema = builder.ToSchema();
        foreach (var part in parts.Skip(1))
        {
            foreach (var column in Schema)
            {
                var other = part.Schema.GetColumnOrNull(column.Name);
                if (other is null || !other.Value.Type.Equals(column.Type))
                {
                    throw new ArgumentException(
                        $"Column '{column.Name}' was expected to be {column.Type} in every appended view; got {(other is null ? "no such column" : other.Value.Type.ToString())}.",
                        nameof(parts));
                }
            }
        }
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount()
    {
        long total = 0;
        foreach (var part in _parts)
        {
            var count = part.GetRowCount();
            if (count is null)
            {
                return null;
            }

            total += count.Value;
        }

        return total;
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        => new AppendedRowCursor(this, _parts, columnsNeeded.Select(c => c.Name).ToHashSet(), _cancellation);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];
}
