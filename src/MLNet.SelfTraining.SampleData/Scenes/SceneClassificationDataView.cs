using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// A read-only, shufflable classification <see cref="IDataView"/> over a <see cref="SceneSet"/> of one digit per scene
/// (schema: <see cref="SceneSchema.CreateClassification"/>).
/// </summary>
internal sealed class SceneClassificationDataView : IDataView
{
    private readonly SceneSet _scenes;

    /// <summary>Creates a view of every scene of <paramref name="scenes"/>, each holding exactly one digit.</summary>
    public SceneClassificationDataView(SceneSet scenes)
    {
        _scenes = scenes;
        Schema = SceneSchema.CreateClassification(scenes.CanvasSize);
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

    private Delegate CreateGetter(int columnIndex, Func<int> scene) => columnIndex == SceneSchema.FeaturesIndex
        ? (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => SceneValues.Features(_scenes.GetImage(scene()), ref value))
        : (ValueGetter<uint>)((ref uint value) => value = (uint)_scenes.GetDigits(scene())[0].Digit + 1);
}
