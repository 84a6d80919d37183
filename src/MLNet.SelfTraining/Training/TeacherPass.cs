using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>One streaming pass of a fitted teacher over indexed rows.</summary>
internal static class TeacherPass
{
    private const int CancellationCheckInterval = 4096;

    /// <summary>
    /// Runs <paramref name="model"/> over <paramref name="indexed"/> (a view with <see cref="ColumnPlan.RowIndexColumnName"/>)
    /// and calls the visitor made by <paramref name="makeVisitor"/> with each row's index.
    /// </summary>
    /// <param name="model">The teacher.</param>
    /// <param name="indexed">The rows, with their index column.</param>
    /// <param name="columns">The output columns the visitor reads.</param>
    /// <param name="makeVisitor">Makes the per-row visitor over the scored cursor.</param>
    /// <param name="cancellation">Checked every few thousand rows.</param>
    public static void Run(ITransformer model, IDataView indexed, Func<DataViewSchema, IEnumerable<DataViewSchema.Column>> columns,
        Func<DataViewRow, Action<long>> makeVisitor, CancellationToken cancellation)
        => Visit(model.Transform(indexed), columns, makeVisitor, cancellation);

    /// <summary>
    /// Calls the visitor made by <paramref name="makeVisitor"/> with each row of a teacher's output
    /// (<paramref name="scored"/>: computed here or read from shards) and its index (<see cref="ColumnPlan.RowIndexColumnName"/>,
    /// which the tasks' readers read too).
    /// </summary>
    /// <param name="scored">The teacher's output, with the row index column.</param>
    /// <param name="columns">The output columns the visitor reads.</param>
    /// <param name="makeVisitor">Makes the per-row visitor over the scored cursor.</param>
    /// <param name="cancellation">Checked every few thousand rows.</param>
    public static void Visit(IDataView scored, Func<DataViewSchema, IEnumerable<DataViewSchema.Column>> columns,
        Func<DataViewRow, Action<long>> makeVisitor, CancellationToken cancellation)
    {
        var index = scored.Schema[ColumnPlan.RowIndexColumnName];
        using var cursor = scored.GetRowCursor(columns(scored.Schema).Append(index));
        var visit = makeVisitor(cursor);
        var indexGetter = cursor.GetGetter<long>(index);
        long row = 0;
        long seen = 0;
        while (cursor.MoveNext())
        {
            if (++seen % CancellationCheckInterval == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            indexGetter(ref row);
            visit(row);
        }
    }
}
