using Microsoft.ML;

namespace MLNet.SelfTraining.Data;

/// <summary>
/// A lazy view over a source: keeps the source rows whose index passes a filter, keeps a chosen subset of the
/// source's visible columns, and adds or replaces columns computed from the source row index.
/// </summary>
/// <remarks>
/// Cursors are sequential and never shuffled: the index of a row is its position in the source, which makes the view a
/// stable way to attach per-row results (pseudo labels, weights) to streaming data.
/// </remarks>
internal sealed class AugmentedDataView : IDataView
{
    private readonly IDataView _source;
    private readonly Func<long, bool>? _keepRow;
    private readonly int[] _sourceColumnOf;
    private readonly ComputedColumn?[] _computedOf;
    private readonly long? _rowCount;

    /// <param name="source">The source data.</param>
    /// <param name="keepSourceColumns">Names of source columns to keep; <see langword="null"/> keeps all visible ones.</param>
    /// <param name="computed">Columns to add; one with the name of a kept source column replaces it in place.</param>
    /// <param name="keepRow">Filter on the source row index; <see langword="null"/> keeps every row.</param>
    /// <param name="rowCount">The number of rows that pass the filter, when known.</param>
    public AugmentedDataView(IDataView source, IEnumerable<string>? keepSourceColumns, IReadOnlyList<ComputedColumn> computed,
        Func<long, bool>? keepRow = null, long? rowCount = null)
    {
        _source = source;
        _keepRow = keepRow;
        _rowCount = keepRow is null ? source.GetRowCount() : rowCount;

        var kept = keepSourceColumns is null
            ? source.Schema.Where(c => !c.IsHidden).ToList()
            : keepSourceColumns.Select(n => source.Schema.GetColumnOrNull(n)
                ?? throw new ArgumentException($"Column '{n}' was expected in the data but was not found.", nameof(keepSourceColumns))).ToList();

        var builder = new DataViewSchema.Builder();
        var sourceOf = new List<int>();
        var computedOf = new List<ComputedColumn?>();
        var byName = computed.ToDictionary(c => c.Name);
        foreach (var column in kept)
        {
            if (byName.Remove(column.Name, out var replacement))
            {
                builder.AddColumn(replacement.Name, replacement.Type, replacement.Annotations);
                sourceOf.Add(-1);
                computedOf.Add(replacement);
            }
            else
            {
                builder.AddColumn(column.Name, column.Type, column.Annotations);
                sourceOf.Add(column.Index);
                computedOf.Add(null);
            }
        }

        foreach (var extra in computed.Where(c => byName.ContainsKey(c.Name)))
        {
            builder.AddColumn(extra.Name, extra.Type, extra.Annotations);
            sourceOf.Add(-1);
            computedOf.Add(extra);
        }

        Schema = builder.ToSchema();
        _sourceColumnOf = sourceOf.ToArray();
        _computedOf = computedOf.ToArray();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = new bool[Schema.Count];
        foreach (var column in columnsNeeded)
        {
            active[column.Index] = true;
        }

        var sourceColumns = new HashSet<int>();
        for (int i = 0; i < active.Length; i++)
        {
            if (!active[i])
            {
                continue;
            }

            if (_sourceColumnOf[i] >= 0)
            {
                sourceColumns.Add(_sourceColumnOf[i]);
            }
            else
            {
                sourceColumns.UnionWith(_computedOf[i]!.Dependencies.Select(n => _source.Schema[n].Index));
            }
        }

        return new AugmentedRowCursor(this, _source.GetRowCursor(sourceColumns.Select(i => _source.Schema[i])), active, _sourceColumnOf, _computedOf, _keepRow);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];
}
