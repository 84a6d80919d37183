using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>Compares columns of two views: types, annotations and every value, as text (floats round-trip exact).</summary>
internal static class ShardColumns
{
    public static void AssertSame(IDataView expected, IDataView actual, params string[] columns)
    {
        foreach (var name in columns)
        {
            var (e, a) = (expected.Schema[name], actual.Schema[name]);
            Assert.AreEqual(e.Type, a.Type, $"type of '{name}'");
            CollectionAssert.AreEquivalent(e.Annotations.Schema.Select(c => c.Name).ToList(), a.Annotations.Schema.Select(c => c.Name).ToList(), $"annotations of '{name}'");
            foreach (var annotation in e.Annotations.Schema)
            {
                Assert.AreEqual(annotation.Type, a.Annotations.Schema[annotation.Name].Type, $"type of {annotation.Name} of '{name}'");
                Assert.AreEqual(AnnotationText(e.Annotations, annotation), AnnotationText(a.Annotations, annotation), $"{annotation.Name} of '{name}'");
            }

            CollectionAssert.AreEqual(Values(expected, name), Values(actual, name), $"values of '{name}'");
        }
    }

    /// <summary>Each row's value of <paramref name="column"/> as text.</summary>
    public static List<string> Values(IDataView view, string column)
    {
        var type = view.Schema[column].Type;
        return type switch
        {
            VectorDataViewType { ItemType: NumberDataViewType n } when n.RawType == typeof(float) => Texts<VBuffer<float>>(view, column, v => Join(v.DenseValues().Select(f => f.ToString("R", CultureInfo.InvariantCulture)))),
            VectorDataViewType { ItemType: NumberDataViewType n } when n.RawType == typeof(byte) => Texts<VBuffer<byte>>(view, column, v => Join(v.DenseValues().Select(b => b.ToString(CultureInfo.InvariantCulture)))),
            VectorDataViewType { ItemType: KeyDataViewType } => Texts<VBuffer<uint>>(view, column, v => Join(v.DenseValues().Select(k => k.ToString(CultureInfo.InvariantCulture)))),
            KeyDataViewType => Texts<uint>(view, column, k => k.ToString(CultureInfo.InvariantCulture)),
            NumberDataViewType n when n.RawType == typeof(long) => Texts<long>(view, column, i => i.ToString(CultureInfo.InvariantCulture)),
            _ => throw new AssertFailedException($"No comparison for column '{column}' of type {type}."),
        };
    }

    private static string AnnotationText(DataViewSchema.Annotations annotations, DataViewSchema.Column annotation)
    {
        var raw = annotation.Type.RawType;
        var method = raw.IsGenericType && raw.GetGenericTypeDefinition() == typeof(VBuffer<>)
            ? typeof(ShardColumns).GetMethod(nameof(VectorText), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(raw.GetGenericArguments()[0])
            : typeof(ShardColumns).GetMethod(nameof(ScalarText), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(raw);
        return (string)method.Invoke(null, [annotations, annotation.Name])!;
    }

    private static string VectorText<T>(DataViewSchema.Annotations annotations, string name)
    {
        VBuffer<T> value = default;
        annotations.GetValue(name, ref value);
        return Join(value.DenseValues().Select(v => v?.ToString() ?? ""));
    }

    private static string ScalarText<T>(DataViewSchema.Annotations annotations, string name)
    {
        T value = default!;
        annotations.GetValue(name, ref value);
        return value?.ToString() ?? "";
    }

    private static List<string> Texts<T>(IDataView view, string column, Func<T, string> text) => view.GetColumn<T>(column).Select(text).ToList();

    private static string Join(IEnumerable<string> values) => string.Join(" ", values);
}
