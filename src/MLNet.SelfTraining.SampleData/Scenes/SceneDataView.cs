using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// A read-only, shufflable <see cref="IDataView"/> over a <see cref="SceneSet"/> for detection and segmentation
/// (schema: <see cref="SceneSchema.CreateScenes"/>); values are converted only when a cursor reads them.
/// </summary>
internal sealed class SceneDataView : IDataView
{
    private readonly SceneSet _scenes;
    private readonly bool _hideTargets;

    /// <summary>Creates a view of every scene of <paramref name="scenes"/>.</summary>
    public SceneDataView(SceneSet scenes, bool hideTargets)
    {
        _scenes = scenes;
        _hideTargets = hideTargets;
        Schema = SceneSchema.CreateScenes(scenes.CanvasSize, hideTargets);
    }

    /// <inheritdoc/>
    public bool CanShuffle => true;

    /// <inheritdoc/>
    public DataViewSchema Schema { get; }

    /// <inheritdoc/>
    public long? GetRowCount() => _scenes.Count;

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new SceneRowCursor(_scenes.Count, Schema, columnsNeeded, rand, CreateGetter);

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private Delegate CreateGetter(int columnIndex, Func<int> scene) => columnIndex switch
    {
        SceneSchema.FeaturesIndex => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => SceneValues.Features(_scenes.GetImage(scene()), ref value)),
        SceneSchema.MaskIndex when _hideTargets => (ValueGetter<VBuffer<byte>>)((ref VBuffer<byte> value) => SceneValues.Ignored(_scenes.PixelsPerImage, ref value)),
        SceneSchema.MaskIndex or SceneSchema.TrueMaskIndex => (ValueGetter<VBuffer<byte>>)((ref VBuffer<byte> value) => SceneValues.Copy(_scenes.GetMask(scene()), ref value)),
        SceneSchema.LabelsIndex => (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> value) => SceneValues.Labels(Digits(scene()), ref value)),
        _ => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => SceneValues.Boxes(Digits(scene()), ref value)),
    };

    private ReadOnlySpan<SceneDigit> Digits(int scene) => _hideTargets ? [] : _scenes.GetDigits(scene);
}
