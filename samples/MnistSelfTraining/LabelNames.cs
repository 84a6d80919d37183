using Microsoft.ML;
using Microsoft.ML.Data;

namespace MnistSelfTraining;

/// <summary>The class names of a key-typed label column: its key values, in score-slot order.</summary>
internal static class LabelNames
{
    public static IReadOnlyList<string> Of(IDataView data, string labelColumnName = "Label")
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        data.Schema[labelColumnName].GetKeyValues(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}
