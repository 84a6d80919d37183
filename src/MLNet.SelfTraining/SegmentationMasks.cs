using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining;

/// <summary>
/// The conventions of segmentation mask columns, shared by the scenes data, the VOC/COCO readers, the segmentation
/// task, its students and its metrics (ML.NET has no segmentation convention of its own).
/// </summary>
/// <remarks>
/// A mask column is a known-size vector of <see cref="byte"/>, one value per pixel in row-major H×W order: the class
/// index 0…K−1 (0 is the background when the data set has one, as in PASCAL VOC) or <see cref="Ignore"/> for a pixel
/// without a class (an object's rim, padding, an unconfident pseudo label). The class names, K of them in class-index
/// order, are the column's <see cref="ClassNamesAnnotation"/> annotation (a vector of text), as ML.NET keeps key values
/// in <c>KeyValues</c>.
/// </remarks>
public static class SegmentationMasks
{
    /// <summary>The value of a pixel without a class (PASCAL VOC's 255), left out of every loss and metric.</summary>
    public const byte Ignore = 255;

    /// <summary>The largest number of classes a <see cref="byte"/> mask can hold besides <see cref="Ignore"/>.</summary>
    public const int MaximumClassCount = 255;

    /// <summary>The annotation of a mask column holding its class names (a known-size vector of text, one per class).</summary>
    public const string ClassNamesAnnotation = "ClassNames";

    /// <summary>Annotations holding <paramref name="classNames"/> as <see cref="ClassNamesAnnotation"/>, for a mask column.</summary>
    /// <param name="classNames">The class names, in class-index order; between 1 and <see cref="MaximumClassCount"/>, none empty.</param>
    /// <exception cref="ArgumentException"><paramref name="classNames"/> is empty, too long, or holds an empty name.</exception>
    public static DataViewSchema.Annotations ClassNames(IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count is 0 or > MaximumClassCount)
        {
            throw new ArgumentException(
                $"A mask's class names were expected to number between 1 and {MaximumClassCount}; got {classNames.Count}.", nameof(classNames));
        }

        var empty = classNames.ToList().FindIndex(string.IsNullOrWhiteSpace);
        if (empty >= 0)
        {
            throw new ArgumentException(
                $"A mask's class names were expected to be non-empty; class index {empty} is empty.", nameof(classNames));
        }

        var builder = new DataViewSchema.Annotations.Builder();
        var names = classNames.Select(n => n.AsMemory()).ToArray();
        builder.Add(ClassNamesAnnotation, new VectorDataViewType(TextDataViewType.Instance, names.Length),
            (ref VBuffer<ReadOnlyMemory<char>> value) =>
            {
                // Into the caller's buffer: handing out `names` would let a caller that reuses its buffer overwrite them.
                var editor = VBufferEditor.Create(ref value, names.Length);
                names.CopyTo(editor.Values);
                value = editor.Commit();
            });
        return builder.ToAnnotations();
    }

    /// <summary>The class names of a mask column, or <see langword="null"/> when it has no <see cref="ClassNamesAnnotation"/>.</summary>
    /// <param name="maskColumn">The mask column.</param>
    public static string[]? TryGetClassNames(DataViewSchema.Column maskColumn)
    {
        var annotation = maskColumn.Annotations.Schema.GetColumnOrNull(ClassNamesAnnotation);
        if (annotation is not { Type: VectorDataViewType { ItemType: TextDataViewType, Size: > 0 } })
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> names = default;
        maskColumn.Annotations.GetValue(ClassNamesAnnotation, ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}
