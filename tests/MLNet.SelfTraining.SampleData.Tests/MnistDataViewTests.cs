using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData.Tests;

[TestClass]
public sealed class MnistDataViewTests
{
    private static MnistData Data => MnistDataset.ReadEmbedded10k();

    [TestMethod]
    public void LoadEmbedded10k_SchemaHasDigitKeyLabelAndFixedSizeImage()
    {
        var view = MnistDataset.LoadEmbedded10k(new MLContext(seed: 0));

        Assert.AreEqual(2, view.Schema.Count);
        var label = view.Schema["Label"];
        var keyType = Assert.IsInstanceOfType<KeyDataViewType>(label.Type);
        Assert.AreEqual(typeof(uint), keyType.RawType);
        Assert.AreEqual(10UL, keyType.Count);
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        label.GetKeyValues(ref keyValues);
        CollectionAssert.AreEqual(
            new[] { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" },
            keyValues.DenseValues().Select(value => value.ToString()).ToArray());

        var featuresType = Assert.IsInstanceOfType<VectorDataViewType>(view.Schema["Features"].Type);
        Assert.AreEqual(NumberDataViewType.Single, featuresType.ItemType);
        Assert.IsTrue(featuresType.IsKnownSize);
        Assert.AreEqual(784, featuresType.Size);
        CollectionAssert.AreEqual(new[] { 1, 28, 28 }, featuresType.Dimensions.ToArray());
        Assert.AreEqual(10_000L, view.GetRowCount());
    }

    [TestMethod]
    public void ToDataView_Rows_ExposesKeysAndScaledPixelsInRowOrder()
    {
        int[] rows = [1001, 0, 9_999];
        var view = Data.ToDataView(new MLContext(seed: 0), rows, featuresColumnName: "Image");

        var (labels, images) = ReadAll(view, "Image");

        CollectionAssert.AreEqual(new uint[] { 2, 1, 10 }, labels);
        for (var i = 0; i < rows.Length; i++)
        {
            var expected = Data.GetImage(rows[i]).ToArray().Select(pixel => pixel / 255f).ToArray();
            CollectionAssert.AreEqual(expected, images[i]);
            Assert.IsTrue(images[i].All(value => value is >= 0f and <= 1f));
        }
    }

    [TestMethod]
    public void ToDataView_HiddenLabels_AreMissingKeys()
    {
        var view = Data.ToDataView(new MLContext(seed: 0), [0, 1, 2], hideLabels: true);

        var (labels, _) = ReadAll(view, "Features");

        CollectionAssert.AreEqual(new uint[] { 0, 0, 0 }, labels);
    }

    [TestMethod]
    public void ToDataView_RowOutOfRange_ThrowsNamingParameter()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => Data.ToDataView(new MLContext(seed: 0), [0, 10_000]));

        Assert.AreEqual("rows", error.ParamName);
        Assert.Contains("Expected image indices from 0 to 9999; got 10000 at position 1", error.Message);
    }

    [TestMethod]
    public void ShuffledCursor_VisitsEveryRowOnce()
    {
        var view = Data.ToDataView(new MLContext(seed: 0), Enumerable.Range(0, 50));
        var ids = new List<ulong>();

        using (var cursor = view.GetRowCursor(view.Schema, new Random(1)))
        {
            var getId = cursor.GetIdGetter();
            DataViewRowId id = default;
            while (cursor.MoveNext())
            {
                getId(ref id);
                ids.Add(id.Low);
            }
        }

        Assert.HasCount(50, ids);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 50).Select(i => (ulong)i).ToArray(), ids.ToArray());
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 50).Select(i => (ulong)i).ToArray(), ids.ToArray());
    }

    [TestMethod]
    public void MapKeyToValue_GivesDigitStrings()
    {
        var mlContext = new MLContext(seed: 0);
        var view = Data.ToDataView(mlContext, [0, 1001, 9_999]);

        var mapped = mlContext.Transforms.Conversion.MapKeyToValue("Digit", "Label").Fit(view).Transform(view);

        var digits = mapped.GetColumn<ReadOnlyMemory<char>>("Digit").Select(digit => digit.ToString()).ToArray();
        CollectionAssert.AreEqual(new[] { "0", "1", "9" }, digits);
    }

    [TestMethod]
    public void Split_TrainsAndEvaluatesAMulticlassTrainer()
    {
        var mlContext = new MLContext(seed: 0);
        var split = MnistSplit.Canonical(Data, labeledCount: 250);
        var trainer = mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options { MaximumNumberOfIterations = 30 });

        var model = trainer.Fit(split.LoadLabeled(mlContext));
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(split.LoadTest(mlContext)));

        Assert.AreEqual(10, metrics.ConfusionMatrix.NumberOfClasses);
        Assert.IsGreaterThan(0.6, metrics.MicroAccuracy);
    }

    private static (uint[] Labels, float[][] Images) ReadAll(IDataView view, string featuresColumnName)
    {
        var labels = view.GetColumn<uint>("Label").ToArray();
        var images = view.GetColumn<VBuffer<float>>(featuresColumnName).Select(image => image.DenseValues().ToArray()).ToArray();
        return (labels, images);
    }
}
