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

    /// <summary>Which output columns are active, by index.</summary>
    public static bool[] Active(ScoredSchema schema, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        var active = new bool[schema.Output.Count];
        foreach (var column in activeColumns)
        {
            active[column.Index] = true;
        }

        return active;
    }

    /// <summary>
    /// The getter of an active output column, typed as the caller asks: the <paramref name="input"/> row's for a
    /// pass-through column, else one reading the output of the batch row that <paramref name="row"/> returns.
    /// </summary>
    public static ValueGetter<TValue> Getter<TValue>(ScoredSchema schema, bool[] active, DataViewRow input,
        DataViewSchema.Column column, ScoreBatch? batch, Func<int> row)
    {
        if (!active[column.Index])
        {
            throw new InvalidOperationException($"Column '{column.Name}' is not active.");
        }

        if (!schema.IsComputed(column.Index))
        {
            return input.GetGetter<TValue>(schema.Input[column.Index]);
        }

        return schema.Computed(column.Index).MakeGetter(batch!, row) as ValueGetter<TValue> ?? throw new InvalidOperationException(
            $"Invalid TValue in GetGetter: '{typeof(TValue)}', column '{column.Name}' has type {column.Type}.");
    }
}
