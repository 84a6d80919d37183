using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>The classes of a fitted classifier: their number and, when the training label's key values were text, their names.</summary>
internal sealed class ClassLabels
{
    public ClassLabels(int count, string[]? names)
    {
        Count = count;
        Names = names;
    }

    public int Count { get; }

    /// <summary>The key values of the training label, in key order, or <see langword="null"/> when they were not text.</summary>
    public string[]? Names { get; }

    /// <summary>The key type of the label and of <c>PredictedLabel</c>.</summary>
    public KeyDataViewType KeyType => new(typeof(uint), Count);

    public static ClassLabels FromLabelColumn(DataViewSchema.Column label)
    {
        var count = (int)((KeyDataViewType)label.Type).Count;
        var keyValues = label.Annotations.Schema.GetColumnOrNull(AnnotationNames.KeyValues);
        if (keyValues?.Type is not VectorDataViewType { ItemType: TextDataViewType, Size: var size } || size != count)
        {
            return new ClassLabels(count, null);
        }

        var values = default(VBuffer<ReadOnlyMemory<char>>);
        label.GetKeyValues(ref values);
        return new ClassLabels(count, values.DenseValues().Select(v => v.ToString()).ToArray());
    }
}
