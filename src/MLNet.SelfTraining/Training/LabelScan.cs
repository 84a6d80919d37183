using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>Streaming passes over label columns.</summary>
internal static class LabelScan
{
    /// <summary>Per row of <paramref name="data"/>, the value <paramref name="makeReader"/>'s reader gives, reading <paramref name="columns"/>.</summary>
    public static T[] Read<T>(IDataView data, IEnumerable<string> columns, Func<DataViewRow, Func<T>> makeReader, CancellationToken cancellation)
    {
        var values = new List<T>();
        using var cursor = data.GetRowCursor(columns.Select(c => data.Schema[c]));
        var read = makeReader(cursor);
        while (cursor.MoveNext())
        {
            CheckCancellation(values.Count, cancellation);
            values.Add(read());
        }

        return values.ToArray();
    }

    /// <summary>The distinct non-null values <paramref name="makeReader"/>'s reader gives over <paramref name="data"/>, in one streaming pass.</summary>
    public static HashSet<string> Distinct(IDataView data, IEnumerable<string> columns, Func<DataViewRow, Func<string?>> makeReader, CancellationToken cancellation)
    {
        var values = new HashSet<string>();
        using var cursor = data.GetRowCursor(columns.Select(c => data.Schema[c]));
        var read = makeReader(cursor);
        for (int row = 0; cursor.MoveNext(); row++)
        {
            CheckCancellation(row, cancellation);
            if (read() is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>The number of rows of <paramref name="data"/>, counting them when the view does not know.</summary>
    public static int Count(IDataView data, CancellationToken cancellation)
    {
        if (data.GetRowCount() is { } known)
        {
            return checked((int)known);
        }

        int count = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            CheckCancellation(count, cancellation);
            count++;
        }

        return count;
    }

    private static void CheckCancellation(int row, CancellationToken cancellation)
    {
        if (row % 4096 == 0)
        {
            cancellation.ThrowIfCancellationRequested();
        }
    }
}
