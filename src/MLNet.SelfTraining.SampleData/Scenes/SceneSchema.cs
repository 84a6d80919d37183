using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>The schemas of scene data views: detection and segmentation targets, or a digit key for classification.</summary>
internal static class SceneSchema
{
    /// <summary>The index of <c>Features</c> in both schemas.</summary>
    public const int FeaturesIndex = 0;

    /// <summary>The index of <c>Mask</c> in the scene schema (<c>Label</c> in the classification schema).</summary>
    public const int MaskIndex = 1;

    /// <summary>The index of <c>Labels</c> in the scene schema.</summary>
    public const int LabelsIndex = 2;

    /// <summary>The index of <c>Box</c> in the scene schema.</summary>
    public const int BoxIndex = 3;

    /// <summary>The index of <c>TrueMask</c> in the scene schema with hidden targets.</summary>
    public const int TrueMaskIndex = 4;

    /// <summary>The index of <c>TrueLabels</c> in the scene schema with hidden targets.</summary>
    public const int TrueLabelsIndex = 5;

    /// <summary>The index of <c>TrueBox</c> in the scene schema with hidden targets.</summary>
    public const int TrueBoxIndex = 6;

    /// <summary>The index of <c>Label</c> in the classification schema.</summary>
    public const int LabelIndex = 1;

    /// <summary>
    /// <c>Features</c>, <c>Mask</c> (with the class names), <c>Labels</c> (digit keys), <c>Box</c>, and
    /// <c>TrueMask</c>, <c>TrueLabels</c> and <c>TrueBox</c> (of the types of <c>Mask</c>, <c>Labels</c> and <c>Box</c>)
    /// when <paramref name="hideTargets"/> is set.
    /// </summary>
    public static DataViewSchema CreateScenes(int canvasSize, bool hideTargets)
    {
        var maskType = new VectorDataViewType(NumberDataViewType.Byte, canvasSize, canvasSize);
        var classNames = SegmentationMasks.ClassNames(SceneSet.MaskClassNames);
        var labelsType = new VectorDataViewType(DigitKeys.Type);
        var boxType = new VectorDataViewType(NumberDataViewType.Single);
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(DefaultColumnNames.Features, FeaturesType(canvasSize));
        builder.AddColumn(DefaultColumnNames.Mask, maskType, classNames);
        builder.AddColumn(DefaultColumnNames.Labels, labelsType, DigitKeys.KeyValues());
        builder.AddColumn(DefaultColumnNames.Box, boxType);
        if (hideTargets)
        {
            builder.AddColumn(SceneSet.TrueMaskColumnName, maskType, classNames);
            builder.AddColumn(SceneSet.TrueLabelsColumnName, labelsType, DigitKeys.KeyValues());
            builder.AddColumn(SceneSet.TrueBoxColumnName, boxType);
        }

        return builder.ToSchema();
    }

    /// <summary><c>Features</c> and <c>Label</c> (a digit key).</summary>
    public static DataViewSchema CreateClassification(int canvasSize)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(DefaultColumnNames.Features, FeaturesType(canvasSize));
        builder.AddColumn(DefaultColumnNames.Label, DigitKeys.Type, DigitKeys.KeyValues());
        return builder.ToSchema();
    }

    private static VectorDataViewType FeaturesType(int canvasSize) => new(NumberDataViewType.Single, 1, canvasSize, canvasSize);
}
