using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Tasks.Detection;
using MLNet.SelfTraining.Vision.Data;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>Schema checks of the detector's training input: image, labels (a vector of keys; its key count is K), boxes,
/// weight and flag columns.</summary>
internal static class DetectorInputChecks
{
    /// <summary>Checks the training columns of <paramref name="schema"/>; returns them and the class names.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    public static (DetectionColumns Columns, string[] ClassNames) CheckTraining(DataViewSchema schema, TorchObjectDetectorTrainer.Options options)
    {
        var network = options.Network;
        var features = ImageColumnChecks.Features(schema, options.FeatureColumnName, network.ImageChannels, network.ImageHeight, network.ImageWidth);
        var labels = schema.GetColumnOrNull(options.LabelColumnName) ?? throw SchemaErrors.Missing("label", options.LabelColumnName);
        if (labels.Type is not VectorDataViewType { ItemType: KeyDataViewType { RawType: var raw, Count: var count } }
            || raw != typeof(uint) || count is < 1 or > DetectorManifestChecks.MaximumClassCount)
        {
            throw SchemaErrors.Mismatch("label", labels.Name,
                $"a vector of Key<UInt32> with 1 to {DetectorManifestChecks.MaximumClassCount} keys, one per box (e.g. from MapValueToKey)", $"{labels.Type}");
        }

        var box = schema.GetColumnOrNull(options.BoxColumnName) ?? throw SchemaErrors.Missing("box", options.BoxColumnName);
        if (box.Type is not VectorDataViewType { ItemType: var item } || item != NumberDataViewType.Single)
        {
            throw SchemaErrors.Mismatch("box", box.Name, "a vector of Single, 4 per box (x0, y0, x1, y1 in pixels)", $"{box.Type}");
        }

        var weight = TrainingColumnChecks.Weight(schema, options.ExampleWeightColumnName);
        var flag = TrainingColumnChecks.PseudoFlag(schema, options.PseudoLabelFlagColumnName);
        return (new DetectionColumns(features, labels, box, weight, flag), BoxColumns.ClassNames(labels, (int)count));
    }

    /// <summary>Checks the image, label and box columns of a schema shape (sizes and key counts are checked at fit).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    public static void CheckShape(SchemaShape schema, TorchObjectDetectorTrainer.Options options)
    {
        ShapeChecks.Features(schema, options.FeatureColumnName);
        var labels = ShapeChecks.Find(schema, options.LabelColumnName) ?? throw SchemaErrors.Missing("label", options.LabelColumnName);
        if (labels.Kind == SchemaShape.Column.VectorKind.Scalar || !labels.IsKey || labels.ItemType.RawType != typeof(uint))
        {
            throw SchemaErrors.Mismatch("label", labels.Name, "a vector of Key<UInt32>", $"{labels.Kind} of {labels.ItemType}{(labels.IsKey ? " keys" : "")}");
        }

        var box = ShapeChecks.Find(schema, options.BoxColumnName) ?? throw SchemaErrors.Missing("box", options.BoxColumnName);
        if (box.Kind == SchemaShape.Column.VectorKind.Scalar || box.ItemType != NumberDataViewType.Single)
        {
            throw SchemaErrors.Mismatch("box", box.Name, "a vector of Single", $"{box.Kind} of {box.ItemType}");
        }
    }
}
