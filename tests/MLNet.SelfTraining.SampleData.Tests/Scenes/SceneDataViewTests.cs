using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.SampleData.Scenes;

namespace MLNet.SelfTraining.SampleData.Tests.Scenes;

[TestClass]
public sealed class SceneDataViewTests
{
    private static readonly string[] s_digitNames = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private static readonly Lazy<SceneSplit> s_split = new(() => SceneSplit.Create(
        MnistDataset.ReadEmbedded10k(), labeledScenes: 12, unlabeledScenes: 9, testScenes: 0, objectCentricImages: 7,
        new SceneOptions { CanvasSize = 48 }, seed: 3));

    private static SceneSplit Split => s_split.Value;

    [TestMethod]
    public void LoadLabeled_Schema_HasTypedColumnsWithAnnotations()
    {
        var view = Split.LoadLabeled(new MLContext(seed: 0));

        Assert.AreEqual(4, view.Schema.Count);
        Assert.AreEqual(12L, view.GetRowCount());
        Assert.IsTrue(view.CanShuffle);
        var features = Assert.IsInstanceOfType<VectorDataViewType>(view.Schema["Features"].Type);
        Assert.AreEqual(NumberDataViewType.Single, features.ItemType);
        CollectionAssert.AreEqual(new[] { 1, 48, 48 }, features.Dimensions.ToArray());
        var mask = Assert.IsInstanceOfType<VectorDataViewType>(view.Schema["Mask"].Type);
        Assert.AreEqual(NumberDataViewType.Byte, mask.ItemType);
        Assert.AreEqual(48 * 48, mask.Size);
        CollectionAssert.AreEqual(
            new[] { "background", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" }, SegmentationMasks.TryGetClassNames(view.Schema["Mask"]));
        var labels = Assert.IsInstanceOfType<VectorDataViewType>(view.Schema["Labels"].Type);
        Assert.IsFalse(labels.IsKnownSize);
        var key = Assert.IsInstanceOfType<KeyDataViewType>(labels.ItemType);
        Assert.AreEqual((typeof(uint), 10UL), (key.RawType, key.Count));
        CollectionAssert.AreEqual(s_digitNames, KeyValues(view.Schema["Labels"]));
        var box = Assert.IsInstanceOfType<VectorDataViewType>(view.Schema["Box"].Type);
        Assert.AreEqual(NumberDataViewType.Single, box.ItemType);
        Assert.IsFalse(box.IsKnownSize);
    }

    [TestMethod]
    public void LoadLabeled_Values_RoundTripTheSceneSet()
    {
        var view = Split.LoadLabeled(new MLContext(seed: 0));

        var features = Column<float>(view, "Features");
        var masks = Column<byte>(view, "Mask");
        var labels = Column<uint>(view, "Labels");
        var boxes = Column<float>(view, "Box");

        for (var scene = 0; scene < 12; scene++)
        {
            var digits = Split.Labeled.GetDigits(scene).ToArray();
            CollectionAssert.AreEqual(Split.Labeled.GetImage(scene).ToArray().Select(p => p / 255f).ToArray(), features[scene]);
            CollectionAssert.AreEqual(Split.Labeled.GetMask(scene).ToArray(), masks[scene]);
            CollectionAssert.AreEqual(digits.Select(d => (uint)d.Digit + 1).ToArray(), labels[scene]);
            CollectionAssert.AreEqual(digits.SelectMany(d => new float[] { d.X0, d.Y0, d.X1, d.Y1 }).ToArray(), boxes[scene]);
        }
    }

    [TestMethod]
    public void LoadUnlabeled_HidesTargetsAndKeepsTheTrueMask()
    {
        var view = Split.LoadUnlabeled(new MLContext(seed: 0));

        Assert.AreEqual(7, view.Schema.Count);
        Assert.AreEqual(view.Schema["Mask"].Type, view.Schema["TrueMask"].Type);
        var masks = Column<byte>(view, "Mask");
        var trueMasks = Column<byte>(view, "TrueMask");
        Assert.IsTrue(masks.All(m => m.Length == 48 * 48 && m.All(v => v == SegmentationMasks.Ignore)));
        Assert.IsTrue(view.GetColumn<VBuffer<uint>>("Labels").All(l => l.Length == 0));
        Assert.IsTrue(view.GetColumn<VBuffer<float>>("Box").All(b => b.Length == 0));
        for (var scene = 0; scene < 9; scene++)
        {
            CollectionAssert.AreEqual(Split.Unlabeled.GetMask(scene).ToArray(), trueMasks[scene]);
        }

        Assert.IsGreaterThan(0, Split.Unlabeled.DigitCount);
    }

    [TestMethod]
    public void LoadUnlabeled_KeepsTheTrueBoxClassesAndBoxes_InColumnsOfTheTypesOfLabelsAndBox()
    {
        var view = Split.LoadUnlabeled(new MLContext(seed: 0));

        Assert.AreEqual(view.Schema["Labels"].Type, view.Schema[SceneSet.TrueLabelsColumnName].Type);
        Assert.AreEqual(view.Schema["Box"].Type, view.Schema[SceneSet.TrueBoxColumnName].Type);
        CollectionAssert.AreEqual(s_digitNames, KeyValues(view.Schema[SceneSet.TrueLabelsColumnName]));
        var labels = Column<uint>(view, SceneSet.TrueLabelsColumnName);
        var boxes = Column<float>(view, SceneSet.TrueBoxColumnName);
        for (var scene = 0; scene < 9; scene++)
        {
            var digits = Split.Unlabeled.GetDigits(scene).ToArray();
            CollectionAssert.AreEqual(digits.Select(d => (uint)d.Digit + 1).ToArray(), labels[scene]);
            CollectionAssert.AreEqual(digits.SelectMany(d => new float[] { d.X0, d.Y0, d.X1, d.Y1 }).ToArray(), boxes[scene]);
        }

        Assert.IsGreaterThan(0, labels.Sum(l => l.Length));
        Assert.IsFalse(Split.LoadLabeled(new MLContext(seed: 0)).Schema.GetColumnOrNull(SceneSet.TrueBoxColumnName).HasValue, "labeled scenes show their targets as they are");
    }

    [TestMethod]
    public void ShuffledCursor_VisitsEverySceneOnceWithItsOwnValues()
    {
        var view = Split.LoadLabeled(new MLContext(seed: 0));
        var ids = new List<int>();

        using (var cursor = view.GetRowCursor(view.Schema, new Random(2)))
        {
            var getId = cursor.GetIdGetter();
            var getLabels = cursor.GetGetter<VBuffer<uint>>(view.Schema["Labels"]);
            DataViewRowId id = default;
            VBuffer<uint> labels = default;
            while (cursor.MoveNext())
            {
                getId(ref id);
                getLabels(ref labels);
                ids.Add((int)id.Low);
                var expected = Split.Labeled.GetDigits((int)id.Low).ToArray().Select(d => (uint)d.Digit + 1).ToArray();
                CollectionAssert.AreEqual(expected, labels.DenseValues().ToArray());
            }
        }

        CollectionAssert.AreNotEqual(Enumerable.Range(0, 12).ToArray(), ids.ToArray());
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 12).ToArray(), ids.ToArray());
    }

    [TestMethod]
    public void Cursor_ColumnNotRequested_OrWrongType_Throws()
    {
        var view = Split.LoadLabeled(new MLContext(seed: 0));
        using var cursor = view.GetRowCursor([view.Schema["Mask"]]);
        cursor.MoveNext();

        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<VBuffer<float>>(view.Schema["Box"]));
        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<VBuffer<float>>(view.Schema["Mask"]));
    }

    [TestMethod]
    public void LoadObjectCentric_IsAClassificationViewOfDigitKeys()
    {
        var mlContext = new MLContext(seed: 0);

        var view = Split.LoadObjectCentric(mlContext);

        Assert.AreEqual(2, view.Schema.Count);
        Assert.AreEqual(7L, view.GetRowCount());
        var key = Assert.IsInstanceOfType<KeyDataViewType>(view.Schema["Label"].Type);
        Assert.AreEqual((typeof(uint), 10UL), (key.RawType, key.Count));
        CollectionAssert.AreEqual(s_digitNames, KeyValues(view.Schema["Label"]));
        CollectionAssert.AreEqual(new[] { 1, 48, 48 }, ((VectorDataViewType)view.Schema["Features"].Type).Dimensions.ToArray());
        var digits = mlContext.Transforms.Conversion.MapKeyToValue("Digit", "Label").Fit(view).Transform(view)
            .GetColumn<ReadOnlyMemory<char>>("Digit").Select(d => d.ToString()).ToArray();
        var expected = Enumerable.Range(0, 7).Select(i => Split.ObjectCentric.GetDigits(i)[0].Digit.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        CollectionAssert.AreEqual(expected, digits);
        var features = view.GetColumn<VBuffer<float>>("Features").First().DenseValues().ToArray();
        CollectionAssert.AreEqual(Split.ObjectCentric.GetImage(0).ToArray().Select(p => p / 255f).ToArray(), features);
    }

    [TestMethod]
    public void ToClassificationDataView_ScenesOfSeveralDigits_Throws()
    {
        var scenes = DigitScenes.Generate(MnistDataset.ReadEmbedded10k(), [0, 1, 2, 3], 2, new SceneOptions { MinimumDigits = 2, MaximumDigits = 2 }, seed: 1);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => scenes.ToClassificationDataView(new MLContext(seed: 0)));

        Assert.Contains("expected to hold one digit per image; scene 0 holds 2", error.Message);
    }

    /// <summary>Each row's vector, copied as it is read (ML.NET getters reuse their buffers).</summary>
    private static T[][] Column<T>(IDataView view, string name) =>
        [.. view.GetColumn<VBuffer<T>>(name).Select(value => value.DenseValues().ToArray())];

    private static string[] KeyValues(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> values = default;
        column.GetKeyValues(ref values);
        return [.. values.DenseValues().Select(v => v.ToString())];
    }
}
