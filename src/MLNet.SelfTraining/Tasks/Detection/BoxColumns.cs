using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tasks.Detection;

/// <summary>Type checks, class names and readers of ML.NET's object-detection columns (box classes as keys, boxes as 4 floats each).</summary>
internal static class BoxColumns
{
    /// <summary>The most classes a detection key column may have (the run keeps per-class counts).</summary>
    public const int MaximumClassCount = 1 << 16;

    /// <summary>The annotation kind ML.NET keeps key values in (AnnotationUtils.Kinds.KeyValues, not public).</summary>
    private const string KeyValuesKind = "KeyValues";

    /// <summary>
    /// K, the key count of <paramref name="column"/>, which must be a vector of Key&lt;UInt32&gt; (of variable size when
    /// <paramref name="variableSize"/> is set) with at most <see cref="MaximumClassCount"/> keys.
    /// </summary>
    /// <param name="column">The column, or <see langword="null"/> when the schema lacks it.</param>
    /// <param name="name">The column's name, for the message.</param>
    /// <param name="role">What the column is (e.g. "label"), for the message.</param>
    /// <param name="variableSize">Whether the vector must be of variable size (a column pseudo rows are written to).</param>
    /// <param name="fail">Makes the exception from the message.</param>
    public static int KeyCount(DataViewSchema.Column? column, string name, string role, bool variableSize, Func<string, Exception> fail)
    {
        string expected = $"a {(variableSize ? "variable-size " : "")}vector of Key<UInt32> (one class key per box, at most {MaximumClassCount} keys)";
        if (column is null)
        {
            throw fail($"The {role} column '{name}' was expected ({expected}); got no such column.");
        }

        if (column.Value.Type is not VectorDataViewType { ItemType: KeyDataViewType { RawType: var raw } key } vector
            || raw != typeof(uint) || key.Count > MaximumClassCount || (variableSize && vector.IsKnownSize))
        {
            throw fail($"Schema mismatch for {role} column '{name}': expected {expected}, got {column.Value.Type}.");
        }

        return (int)key.Count;
    }

    /// <summary>Checks that <paramref name="column"/> is a vector of <see cref="float"/> (of variable size when <paramref name="variableSize"/> is set).</summary>
    /// <param name="column">The column, or <see langword="null"/> when the schema lacks it.</param>
    /// <param name="name">The column's name, for the message.</param>
    /// <param name="role">What the column is (e.g. "box"), for the message.</param>
    /// <param name="variableSize">Whether the vector must be of variable size.</param>
    /// <param name="fail">Makes the exception from the message.</param>
    public static void CheckSingles(DataViewSchema.Column? column, string name, string role, bool variableSize, Func<string, Exception> fail)
    {
        string expected = $"a {(variableSize ? "variable-size " : "")}vector of Single";
        if (column is null)
        {
            throw fail($"The {role} column '{name}' was expected ({expected}); got no such column.");
        }

        if (column.Value.Type is not VectorDataViewType { ItemType: NumberDataViewType } vector || vector.ItemType != NumberDataViewType.Single
            || (variableSize && vector.IsKnownSize))
        {
            throw fail($"Schema mismatch for {role} column '{name}': expected {expected}, got {column.Value.Type}.");
        }
    }

    /// <summary>The key values of <paramref name="column"/> (K texts), or <see langword="null"/> when it has none of that length.</summary>
    public static string[]? TryGetKeyValues(DataViewSchema.Column column, int classCount)
    {
        var annotation = column.Annotations.Schema.GetColumnOrNull(KeyValuesKind);
        if (annotation is not { Type: VectorDataViewType { ItemType: TextDataViewType } type } || type.Size != classCount)
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> names = default;
        column.Annotations.GetValue(KeyValuesKind, ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>The class names of a key column: its key values, else "0"…"K−1".</summary>
    public static string[] ClassNames(DataViewSchema.Column column, int classCount) => TryGetKeyValues(column, classCount) ?? IndexNames(classCount);

    /// <summary>"0"…"K−1", the names of classes whose key column carries none.</summary>
    public static string[] IndexNames(int classCount) => Enumerable.Range(0, classCount).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>A reader of the vector <paramref name="column"/> on the current row of <paramref name="row"/>, dense, into one reused buffer.</summary>
    public static Func<ReadOnlyMemory<T>> MakeReader<T>(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<VBuffer<T>>(column);
        VBuffer<T> value = default;
        T[] buffer = [];
        return () =>
        {
            getter(ref value);
            if (buffer.Length < value.Length)
            {
                buffer = new T[value.Length];
            }

            value.CopyTo(buffer);
            return buffer.AsMemory(0, value.Length);
        };
    }
}
