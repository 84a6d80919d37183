using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests.Tasks.Detection;

/// <summary>Schema helpers for detection test rows: key vector columns of K classes with ML.NET's key values.</summary>
internal static class KeyColumns
{
    /// <summary>Makes <paramref name="column"/> of <paramref name="definition"/> a variable-size vector of Key&lt;UInt32, <paramref name="classCount"/>&gt; with <paramref name="names"/> as key values (none when null).</summary>
    public static void Define(SchemaDefinition definition, string column, int classCount, IReadOnlyList<string>? names)
    {
        var type = new VectorDataViewType(new KeyDataViewType(typeof(uint), classCount));
        definition[column].ColumnType = type;
        if (names is not null)
        {
            var values = new VBuffer<ReadOnlyMemory<char>>(names.Count, names.Select(n => n.AsMemory()).ToArray());
            definition[column].AddAnnotation("KeyValues", values, new VectorDataViewType(TextDataViewType.Instance, names.Count));
        }
    }

    /// <summary>Each row's vector of <paramref name="column"/>, copied.</summary>
    public static T[][] Read<T>(IDataView view, string column) => [.. view.GetColumn<VBuffer<T>>(column).Select(v => v.DenseValues().ToArray())];
}
