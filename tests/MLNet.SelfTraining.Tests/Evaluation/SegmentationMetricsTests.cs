using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests.Evaluation;

[TestClass]
public sealed class SegmentationMetricsTests
{
    private const byte I = SegmentationMasks.Ignore;
    private static readonly MLContext Ml = new(seed: 1);

    [TestMethod]
    public void PerfectPredictions_ScoreOne()
    {
        var metrics = Evaluate(["bg", "a"], ([0, 0, 1, 1], [0, 0, 1, 1]), ([1, 0, 0, 0], [1, 0, 0, 0]));

        Assert.AreEqual(1.0, metrics.MeanIoU);
        Assert.AreEqual(1.0, metrics.PixelAccuracy);
        Assert.AreEqual(1.0, metrics.MeanClassAccuracy);
        Assert.AreEqual(1.0, metrics.FrequencyWeightedIoU);
        Assert.AreEqual(8, metrics.ValidPixelCount);
    }

    [TestMethod]
    public void AllWrong_ScoresZero()
    {
        var metrics = Evaluate(["bg", "a"], ([0, 0, 1, 1], [1, 1, 0, 0]));

        CollectionAssert.AreEqual(new[] { 0.0, 0.0 }, metrics.PerClassIoU.ToArray());
        Assert.AreEqual(0.0, metrics.MeanIoU);
        Assert.AreEqual(0.0, metrics.PixelAccuracy);
        Assert.AreEqual(0.0, metrics.MeanClassAccuracy);
    }

    [TestMethod]
    public void TwoClasses_ByHand_OneConfusionMatrixOverAllRows()
    {
        // Truth 0 0 0 0 0 | 1 1 1, predicted 0 0 0 1 1 | 1 1 0, split over two rows:
        // C = [[3, 2], [1, 2]], T = (5, 3), P = (4, 4); IoU_0 = 3/(5+4−3) = 0.5, IoU_1 = 2/(3+4−2) = 0.4.
        var metrics = Evaluate(["bg", "a"], ([0, 0, 0, 0], [0, 0, 0, 1]), ([0, 1, 1, 1], [1, 1, 1, 0]));

        Assert.AreEqual(0.5, metrics.PerClassIoU[0], 1e-12);
        Assert.AreEqual(0.4, metrics.PerClassIoU[1], 1e-12);
        Assert.AreEqual(0.45, metrics.MeanIoU, 1e-12);
        Assert.AreEqual(5.0 / 8, metrics.PixelAccuracy, 1e-12);
        Assert.AreEqual((3.0 / 5 + 2.0 / 3) / 2, metrics.MeanClassAccuracy, 1e-12);
        Assert.AreEqual(5.0 / 8 * 0.5 + 3.0 / 8 * 0.4, metrics.FrequencyWeightedIoU, 1e-12, "frequency-weighted IoU");
        CollectionAssert.AreEqual(new long[] { 3, 2 }, metrics.ConfusionMatrix[0].ToArray());
        CollectionAssert.AreEqual(new long[] { 1, 2 }, metrics.ConfusionMatrix[1].ToArray());
    }

    [TestMethod]
    public void AClassAbsentFromTruthAndPrediction_IsNaN_AndLeftOutOfTheMean()
    {
        var metrics = Evaluate(["bg", "a", "b"], ([0, 0, 0, 0], [0, 0, 0, 1]), ([0, 1, 1, 1], [1, 1, 1, 0]));

        Assert.IsTrue(double.IsNaN(metrics.PerClassIoU[2]));
        Assert.AreEqual(0.45, metrics.MeanIoU, 1e-12);
    }

    [TestMethod]
    public void AClassOnlyPredicted_HasIoUZero_AndCountsInTheMean()
    {
        var metrics = Evaluate(["bg", "a", "b"], ([0, 0, 1, 1], [0, 0, 1, 2]));

        Assert.AreEqual(0.0, metrics.PerClassIoU[2]);
        Assert.AreEqual((1.0 + 0.5 + 0.0) / 3, metrics.MeanIoU, 1e-12);
        Assert.AreEqual((1.0 + 0.5) / 2, metrics.MeanClassAccuracy, 1e-12, "class accuracy averages the classes present in the truth");
    }

    [TestMethod]
    public void PixelsWhoseTruthIs255_AreSkipped()
    {
        // The rows of TwoClasses_ByHand with 255s (whatever their prediction) slipped in: the same C, so the same mIoU.
        var metrics = Evaluate(["bg", "a"], ([0, I, 0, 0, I, 0], [0, 1, 0, 0, 0, 1]), ([0, 1, I, 1, 1, I], [1, 1, 0, 1, 0, 1]));

        Assert.AreEqual(0.45, metrics.MeanIoU, 1e-12);
        Assert.AreEqual(8, metrics.ValidPixelCount);
    }

    [TestMethod]
    public void APredicted255OnAValidPixel_IsWrong_InNoCell()
    {
        var metrics = Evaluate(["bg", "a"], ([0, 1], [0, I]));

        Assert.AreEqual(0.5, metrics.PixelAccuracy);
        Assert.AreEqual(0.0, metrics.PerClassIoU[1]);
        Assert.AreEqual(1.0, metrics.PerClassIoU[0]);
        CollectionAssert.AreEqual(new long[] { 0, 0 }, metrics.ConfusionMatrix[1].ToArray());
    }

    [TestMethod]
    public void APredictedValueOutsideTheClasses_IsNamedWithItsRow()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Evaluate(["bg", "a"], ([0, 1], [0, 1]), ([0, 1], [0, 4])));

        Assert.Contains("'PredictedMask'", error.Message);
        Assert.Contains("got 4 at row 1, pixel 1", error.Message);
    }

    [TestMethod]
    public void ATrueValueOutsideTheClasses_IsNamedWithItsRow()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Evaluate(["bg", "a"], ([0, 3], [0, 1])));

        Assert.Contains("'Mask'", error.Message);
        Assert.Contains("got 3 at row 0, pixel 1", error.Message);
    }

    [TestMethod]
    public void ColumnsOfDifferentSizes_AreRejected()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Mask", new VectorDataViewType(NumberDataViewType.Byte, 2), SegmentationMasks.ClassNames(["bg", "a"]));
        builder.AddColumn("PredictedMask", new VectorDataViewType(NumberDataViewType.Byte, 3));
        var data = Ml.Data.LoadFromEnumerable([new Pair { Mask = [0, 1], PredictedMask = [0, 1, 1] }], builder.ToSchema());

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Segmentation().Evaluate(data));

        Assert.AreEqual("predictedMaskColumnName", error.ParamName);
        Assert.Contains("of 2 pixels", error.Message);
    }

    [TestMethod]
    public void WithoutClassNames_TheNumberOfClassesIsUnknown()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Segmentation().Evaluate(Load(null, null, ([0, 1], [0, 1]))));

        Assert.Contains("ClassNames", error.Message);
    }

    [TestMethod]
    public void ClassNamesOfThePredictedColumn_AreUsedWhenTheTruthHasNone()
    {
        var metrics = Ml.Segmentation().Evaluate(Load(null, ["bg", "a"], ([0, 1], [0, 1])));

        CollectionAssert.AreEqual(new[] { "bg", "a" }, metrics.ClassNames.ToArray());
    }

    [TestMethod]
    public void MoreThan255ClassNames_AreRejected_BeforeTheConfusionMatrixIsAllocated()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Mask", new VectorDataViewType(NumberDataViewType.Byte, 2), ManyClassNames(300));
        builder.AddColumn("PredictedMask", new VectorDataViewType(NumberDataViewType.Byte, 2));
        var data = Ml.Data.LoadFromEnumerable([new Pair { Mask = [0, 1], PredictedMask = [0, 1] }], builder.ToSchema());

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Segmentation().Evaluate(data));

        Assert.AreEqual("labelColumnName", error.ParamName);
        Assert.Contains("at most 255", error.Message);
        Assert.Contains("got 300", error.Message);
    }

    [TestMethod]
    public void AMaskValueShorterThanItsType_IsNamed_NotReadWithTheLastRowsPixels()
    {
        var rows = new[] { new Pair { Mask = [0, 1], PredictedMask = [0, 1] }, new Pair { Mask = [1], PredictedMask = [1, 1] } };
        var data = Ml.Data.LoadFromEnumerable(rows, Load(["bg", "a"], null, ([0, 1], [0, 1])).Schema);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Ml.Segmentation().Evaluate(data));

        Assert.Contains("'Mask'", error.Message);
        Assert.Contains("got 1 at row 1", error.Message);
    }

    /// <summary>A class names annotation of <paramref name="count"/> names, built by hand (<see cref="SegmentationMasks.ClassNames"/> refuses more than 255).</summary>
    internal static DataViewSchema.Annotations ManyClassNames(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"c{i}".AsMemory()).ToArray();
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add(SegmentationMasks.ClassNamesAnnotation, new VectorDataViewType(TextDataViewType.Instance, count),
            (ref VBuffer<ReadOnlyMemory<char>> value) => value = new VBuffer<ReadOnlyMemory<char>>(count, [.. names]));
        return annotations.ToAnnotations();
    }

    private static SelfTraining.Evaluation.SegmentationMetrics Evaluate(string[] classNames, params (byte[] Truth, byte[] Predicted)[] rows)
        => Ml.Segmentation().Evaluate(Load(classNames, null, rows));

    private static IDataView Load(string[]? classNames, string[]? predictedClassNames, params (byte[] Truth, byte[] Predicted)[] rows)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Mask", new VectorDataViewType(NumberDataViewType.Byte, rows[0].Truth.Length), classNames is null ? null : SegmentationMasks.ClassNames(classNames));
        builder.AddColumn("PredictedMask", new VectorDataViewType(NumberDataViewType.Byte, rows[0].Truth.Length), predictedClassNames is null ? null : SegmentationMasks.ClassNames(predictedClassNames));
        return Ml.Data.LoadFromEnumerable(rows.Select(r => new Pair { Mask = r.Truth, PredictedMask = r.Predicted }).ToList(), builder.ToSchema());
    }

    private sealed class Pair
    {
        public byte[] Mask { get; set; } = [];

        public byte[] PredictedMask { get; set; } = [];
    }
}
