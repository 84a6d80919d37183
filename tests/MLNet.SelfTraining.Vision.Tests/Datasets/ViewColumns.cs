using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Tests.Datasets;

/// <summary>The values of one column of a view, read with a cursor (key vectors as their raw UInt32 keys).</summary>
internal static class ViewColumns
{
    public static List<T[]> Vectors<T>(IDataView view, string name)
    {
        var column = view.Schema[name];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<T>>(column);
        var values = new List<T[]>();
        VBuffer<T> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            values.Add(buffer.DenseValues().ToArray());
        }

        return values;
    }

    public static List<string> Texts(IDataView view, string name)
    {
        var column = view.Schema[name];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        var values = new List<string>();
        ReadOnlyMemory<char> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            values.Add(buffer.ToString());
        }

        return values;
    }

    public static List<int> Integers(IDataView view, string name)
    {
        var column = view.Schema[name];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<int>(column);
        var values = new List<int>();
        var value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(value);
        }

        return values;
    }
}
