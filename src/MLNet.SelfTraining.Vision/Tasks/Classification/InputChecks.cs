using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;
using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>Schema checks shared by fitting and scoring.</summary>
internal static class InputChecks
{
    /// <summary>Returns the image column, which must be a known-size <see cref="float"/> vector of C·H·W values.</summary>
    public static DataViewSchema.Column CheckFeatures(DataViewSchema schema, string name, ImageNetworkSpec spec) =>
        ImageColumnChecks.Features(schema, name, spec.Channels, spec.ImageHeight, spec.ImageWidth);

    /// <summary>Checks the training columns of <paramref name="schema"/>; returns them and the label's classes.</summary>
    public static (TrainingColumns Columns, ClassLabels Classes) CheckTraining(DataViewSchema schema, TorchImageClassifierTrainer.Options options, ImageNetworkSpec shape)
    {
        var features = CheckFeatures(schema, options.FeatureColumnName, shape);
        var label = schema.GetColumnOrNull(options.LabelColumnName) ?? throw SchemaErrors.Missing("label", options.LabelColumnName);
        if (label.Type is not KeyDataViewType { RawType: var raw, Count: var count } || raw != typeof(uint) || count < 2 || count > int.MaxValue)
        {
            throw SchemaErrors.Mismatch("label", label.Name, "Key<UInt32> with at least 2 classes (e.g. from MapValueToKey)", $"{label.Type}");
        }

        var classes = ClassLabels.FromLabelColumn(label);
        var weight = TrainingColumnChecks.Weight(schema, options.ExampleWeightColumnName);
        var flag = TrainingColumnChecks.PseudoFlag(schema, options.PseudoLabelFlagColumnName);

        var soft = options.SoftLabelColumnName is { } softName ? schema.GetColumnOrNull(softName) : null;
        if (soft is { Type: var softType }
            && (softType is not VectorDataViewType { Size: var size } vector || vector.ItemType != NumberDataViewType.Single || size != classes.Count))
        {
            throw SchemaErrors.Mismatch("soft label", soft.Value.Name, $"Vector<Single, {classes.Count}> (one probability per class)", $"{softType}");
        }
        return (new TrainingColumns(features, label, weight, flag, soft), classes);
    }
}
