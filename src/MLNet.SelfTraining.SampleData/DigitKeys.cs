using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData;

/// <summary>The digit key type of every sample-data view: <see cref="uint"/> keys 1 to 10 for digits 0 to 9 (0 = missing), key values "0" to "9".</summary>
internal static class DigitKeys
{
    /// <summary>The annotation kind ML.NET reads key values from (AnnotationUtils.Kinds.KeyValues, not public).</summary>
    private const string KeyValuesKind = "KeyValues";

    /// <summary>The key type.</summary>
    public static readonly KeyDataViewType Type = new(typeof(uint), MnistData.ClassCount);

    /// <summary>The key values "0" to "9" as a column's annotations.</summary>
    public static DataViewSchema.Annotations KeyValues()
    {
        var names = Enumerable.Range(0, MnistData.ClassCount).Select(d => d.ToString(CultureInfo.InvariantCulture).AsMemory()).ToArray();
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(KeyValuesKind, new VectorDataViewType(TextDataViewType.Instance, names.Length),
            (ref VBuffer<ReadOnlyMemory<char>> value) =>
            {
                // Into the caller's buffer: handing out `names` would let a caller that reuses its buffer overwrite them.
                var editor = VBufferEditor.Create(ref value, names.Length);
                names.CopyTo(editor.Values);
                value = editor.Commit();
            });
        return builder.ToAnnotations();
    }
}
