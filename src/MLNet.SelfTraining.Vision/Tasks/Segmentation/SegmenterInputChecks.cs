using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>Schema checks of the segmenter's training input: image, mask (size and classes), weight and flag columns.</summary>
internal static class SegmenterInputChecks
{
    /// <summary>Checks the training columns of <paramref name="schema"/>; returns them and the class names.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type or size, or the classes are unknown.</exception>
    public static (SegmentationColumns Columns, string[] ClassNames) CheckTraining(DataViewSchema schema, TorchImageSegmenterTrainer.Options options)
    {
        var network = options.Network;
        var features = ImageColumnChecks.Features(schema, options.FeatureColumnName, network.ImageChannels, network.ImageHeight, network.ImageWidth);
        var mask = schema.GetColumnOrNull(options.MaskColumnName) ?? throw SchemaErrors.Missing("mask", options.MaskColumnName);
        var pixels = network.ImageHeight * network.ImageWidth;
        if (mask.Type is not VectorDataViewType { ItemType: var item, Size: var size } || item != NumberDataViewType.Byte || size != pixels)
        {
            throw SchemaErrors.Mismatch("mask", mask.Name,
                $"Vector<Byte, {pixels}> (one class per pixel of the {network.ImageHeight}×{network.ImageWidth} images in feature column '{features.Name}')",
                $"{mask.Type}");
        }

        var names = SegmentationMasks.TryGetClassNames(mask);
        if (names is { Length: < 2 or > SegmentationMasks.MaximumClassCount })
        {
            throw SchemaErrors.Mismatch("mask", mask.Name, $"a '{SegmentationMasks.ClassNamesAnnotation}' annotation of 2 to {SegmentationMasks.MaximumClassCount} class names",
                $"{names.Length} name{(names.Length == 1 ? "" : "s")}");
        }

        names ??= options.NumberOfClasses is { } count ? IndexNames(count) : throw NoClasses(mask.Name);
        var weight = TrainingColumnChecks.Weight(schema, options.ExampleWeightColumnName);
        var flag = TrainingColumnChecks.PseudoFlag(schema, options.PseudoLabelFlagColumnName);

        return (new SegmentationColumns(features, mask, weight, flag), names);
    }

    /// <summary>Checks the image and mask columns of a schema shape (sizes are checked at fit), and that the classes are known.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type, or the classes are unknown.</exception>
    public static void CheckShape(SchemaShape schema, TorchImageSegmenterTrainer.Options options)
    {
        ShapeChecks.Features(schema, options.FeatureColumnName);
        var mask = ShapeChecks.Find(schema, options.MaskColumnName) ?? throw SchemaErrors.Missing("mask", options.MaskColumnName);
        if (mask.Kind != SchemaShape.Column.VectorKind.Vector || mask.ItemType != NumberDataViewType.Byte)
        {
            throw SchemaErrors.Mismatch("mask", mask.Name, "known-size Vector<Byte>", $"{mask.Kind} of {mask.ItemType}");
        }

        if (options.NumberOfClasses is null && !mask.Annotations.Any(a => a.Name == SegmentationMasks.ClassNamesAnnotation))
        {
            throw NoClasses(mask.Name);
        }
    }

    /// <summary>Class names for classes known by their number only: "0", "1", ….</summary>
    public static string[] IndexNames(int count) => [.. Enumerable.Range(0, count).Select(k => k.ToString(CultureInfo.InvariantCulture))];

    private static ArgumentOutOfRangeException NoClasses(string mask) =>
        SchemaErrors.Mismatch("mask", mask,
            $"a '{SegmentationMasks.ClassNamesAnnotation}' annotation (SegmentationMasks.ClassNames) or the '{nameof(TorchImageSegmenterTrainer.Options.NumberOfClasses)}' option set",
            "neither");
}
