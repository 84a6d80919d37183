using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>The column getters of the <see cref="SceneDataView"/>s of a <see cref="SceneSet"/>, by column index and current scene.</summary>
internal static class SceneGetters
{
    /// <summary>The getters of the detection and segmentation view (schema: <see cref="SceneSchema.CreateScenes"/>).</summary>
    /// <param name="scenes">The scenes.</param>
    /// <param name="hideTargets">
    /// Whether <c>Mask</c> is ignore everywhere and <c>Labels</c> and <c>Box</c> are empty (the true targets are then in
    /// <c>TrueMask</c>, <c>TrueLabels</c> and <c>TrueBox</c>).
    /// </param>
    public static Func<int, Func<int>, Delegate> Scenes(SceneSet scenes, bool hideTargets)
    {
        ReadOnlySpan<SceneDigit> Digits(int scene) => hideTargets ? [] : scenes.GetDigits(scene);

        return (columnIndex, scene) => columnIndex switch
        {
            SceneSchema.FeaturesIndex => Features(scenes, scene),
            SceneSchema.MaskIndex when hideTargets => (ValueGetter<VBuffer<byte>>)((ref VBuffer<byte> value) => SceneValues.Ignored(scenes.PixelsPerImage, ref value)),
            SceneSchema.MaskIndex or SceneSchema.TrueMaskIndex => (ValueGetter<VBuffer<byte>>)((ref VBuffer<byte> value) => SceneValues.Copy(scenes.GetMask(scene()), ref value)),
            SceneSchema.LabelsIndex => (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> value) => SceneValues.Labels(Digits(scene()), ref value)),
            SceneSchema.BoxIndex => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => SceneValues.Boxes(Digits(scene()), ref value)),
            SceneSchema.TrueLabelsIndex => (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> value) => SceneValues.Labels(scenes.GetDigits(scene()), ref value)),
            _ => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => SceneValues.Boxes(scenes.GetDigits(scene()), ref value)),
        };
    }

    /// <summary>The getters of the classification view of scenes with one digit each (schema: <see cref="SceneSchema.CreateClassification"/>).</summary>
    /// <param name="scenes">The scenes.</param>
    public static Func<int, Func<int>, Delegate> Classification(SceneSet scenes) => (columnIndex, scene) =>
        columnIndex == SceneSchema.FeaturesIndex
            ? Features(scenes, scene)
            : (ValueGetter<uint>)((ref uint value) => value = (uint)scenes.GetDigits(scene())[0].Digit + 1);

    private static ValueGetter<VBuffer<float>> Features(SceneSet scenes, Func<int> scene) =>
        (ref VBuffer<float> value) => SceneValues.Features(scenes.GetImage(scene()), ref value);
}
