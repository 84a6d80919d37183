using System.Reflection;
using Microsoft.ML;

namespace SelfTraining.Sharding;

/// <summary>One full cursor pass over a view that reads every value of the given columns, whatever their types.</summary>
internal static class CursorPass
{
    private static readonly MethodInfo s_reader = typeof(CursorPass).GetMethod(nameof(Reader), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Reads <paramref name="columns"/> of every row.</summary>
    /// <returns>The number of rows.</returns>
    public static long Run(IDataView data, IReadOnlyList<string> columns)
    {
        var read = columns.Select(name => data.Schema[name]).ToList();
        using var cursor = data.GetRowCursor(read);
        var getters = read.Select(column => (Action)s_reader.MakeGenericMethod(column.Type.RawType).Invoke(null, [cursor, column])!).ToList();
        long rows = 0;
        while (cursor.MoveNext())
        {
            foreach (var get in getters)
            {
                get();
            }

            rows++;
        }

        return rows;
    }

    private static Action Reader<T>(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        return () => getter(ref value);
    }
}
