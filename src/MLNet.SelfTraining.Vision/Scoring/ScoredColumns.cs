using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>Column bookkeeping shared by the scored cursor, row and row mapper.</summary>
internal static class ScoredColumns
{
    /// <summary>The input columns needed to produce <paramref name="outputColumns"/>.</summary>
    public static DataViewSchema.Column[] Dependencies(ScoredSchema schema, IEnumerable<DataViewSchema.Column> outputColumns)
    {
        var needed = new HashSet<int>();
        foreach (var column in outputColumns)
        {
            needed.Add(schema.IsComputed(column.Index) ? schema.Features.Index : column.Index);
        }

        return needed.Order().Select(i => schema.Input[i]).ToArray();
    }

    /// <summary>Whether any of <paramref name="outputColumns"/> is computed from the network.</summary>
    public static bool NeedsScores(ScoredSchema schema, IEnumerable<DataViewSchema.Column> outputColumns) =>
        outputColumns.Any(c => schema.IsComputed(c.Index));

    /// <summary>The getter of a computed column, typed as the caller asks.</summary>
    public static ValueGetter<TValue> ComputedGetter<TValue>(ScoredSchema schema, DataViewSchema.Column column, ScoreBatch batch, Func<int> row) =>
        schema.Computed(column.Index).MakeGetter(batch, row) as ValueGetter<TValue> ?? throw new InvalidOperationException(
            $"Invalid TValue in GetGetter: '{typeof(TValue)}', column '{column.Name}' has type {column.Type}.");
}
