using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tests.Tasks.Segmentation;

[TestClass]
public sealed class SegmentationBadInputTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static IDataView Unlabeled => SceneRow.Load(Ml, [SceneRow.Scored([1, 1, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f])], 4);

    [TestMethod]
    public void AMaskValueOutsideTheClasses_IsNamedWithItsRowAndPixel_BeforeTheTeacherIsTrained()
    {
        var teacher = new RecordingSegmenter(Ml);
        var training = SceneRow.Load(Ml, [SceneRow.Labeled([0, 1, 0, 1]), SceneRow.Labeled([0, 1, 7, 1])], 4);

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Segmentation().SelfTraining(teacher, Unlabeled).Fit(training));

        Assert.Contains("'Mask'", error.Message);
        Assert.Contains("got 7 at row 1, pixel 2", error.Message);
        Assert.IsEmpty(teacher.Fits);
    }

    [TestMethod]
    public void LabeledPixelsOfOneClassOnly_AreRejected()
    {
        var training = SceneRow.Load(Ml, [SceneRow.Labeled([0, 0, 0, SegmentationMasks.Ignore])], 4);

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), Unlabeled).Fit(training));

        Assert.Contains("at least two classes", error.Message);
    }

    [TestMethod]
    public void AMaskWithoutClassNames_NeedsNumberOfClasses()
    {
        var training = SceneRow.Load(Ml, [SceneRow.Labeled([0, 1, 0, 1])], 4, withClassNames: false);
        var unlabeled = SceneRow.Load(Ml, [SceneRow.Scored([1, 1, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f])], 4, withClassNames: false);
        var options = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1 };

        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), unlabeled, options, new PseudoMaskOptions()).Fit(training));
        using var model = Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), unlabeled, options, new PseudoMaskOptions { NumberOfClasses = 2 }).Fit(training);

        Assert.AreEqual(nameof(PseudoMaskOptions.NumberOfClasses), error.ParamName);
        Assert.Contains("ClassNames", error.Message);
        Assert.AreEqual(1, model.Rounds.Single().PseudoLabeled);
    }

    [TestMethod]
    public void NumberOfClassesThatDisagreesWithTheClassNames_IsRejected()
    {
        var options = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask };

        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), Unlabeled, options, new PseudoMaskOptions { NumberOfClasses = 5 }).Fit(PseudoMaskTests.Labeled(Ml)));

        Assert.AreEqual(nameof(PseudoMaskOptions.NumberOfClasses), error.ParamName);
        Assert.Contains("3 class names", error.Message);
    }

    [TestMethod]
    public void AMaskWithMoreThan255ClassNames_IsRejected_ClassIndex255BeingTheIgnoreValue()
    {
        var rows = new[] { SceneRow.Labeled([0, 1, 0, 1]), SceneRow.Scored([1, 1, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f]) };
        var schema = SceneRow.Load(Ml, rows, 4).Schema;
        var builder = new DataViewSchema.Builder();
        foreach (var column in schema)
        {
            builder.AddColumn(column.Name, column.Type, column.Name == DefaultColumnNames.Mask ? Evaluation.SegmentationMetricsTests.ManyClassNames(256) : null);
        }

        var training = Ml.Data.LoadFromEnumerable(rows, builder.ToSchema());

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml)).Fit(training));

        Assert.AreEqual(nameof(SelfTrainingOptions.LabelColumnName), error.ParamName);
        Assert.Contains("got 256", error.Message);
    }

    [TestMethod]
    public void AMaskColumnThatIsNotAVectorOfBytes_IsRejected()
    {
        var data = Ml.Data.LoadFromEnumerable([new FloatMaskRow { Mask = [0, 1, 0, 1] }]);

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), Unlabeled).Fit(data));

        Assert.AreEqual(nameof(SelfTrainingOptions.LabelColumnName), error.ParamName);
        Assert.Contains("'Mask'", error.Message);
        Assert.Contains("expected a known-size vector of Byte", error.Message);
        Assert.Contains("Single", error.Message);
    }

    [TestMethod]
    public void TheDefaultLabelColumnOfTheOptions_IsNotFound_AndTheMessageSaysToSetIt()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), Unlabeled, new SelfTrainingOptions(), new PseudoMaskOptions()).Fit(PseudoMaskTests.Labeled(Ml)));

        Assert.AreEqual(nameof(SelfTrainingOptions.LabelColumnName), error.ParamName);
        Assert.Contains("'Label'", error.Message);
        Assert.Contains("'Mask'", error.Message);
    }

    [TestMethod]
    public void ATeacherWithoutTheConfidenceColumn_IsNamed()
    {
        var options = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask };

        var error = Assert.ThrowsExactly<InvalidOperationException>(
            () => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), Unlabeled, options, new PseudoMaskOptions { ConfidenceColumnName = "Certainty" }).Fit(PseudoMaskTests.Labeled(Ml)));

        Assert.Contains("'Certainty'", error.Message);
        Assert.Contains("no such column", error.Message);
    }

    [TestMethod]
    public void ATeacherWhosePredictedMaskIsNotOfBytes_IsRejected()
    {
        var teacher = Ml.Transforms.CopyColumns(DefaultColumnNames.PredictedMask, nameof(SceneRow.Features))
            .Append(Ml.Transforms.CopyColumns(DefaultColumnNames.Confidence, nameof(SceneRow.TeacherConfidence)));

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Ml.Segmentation().SelfTraining(teacher, Unlabeled).Fit(PseudoMaskTests.Labeled(Ml)));

        Assert.Contains("'PredictedMask'", error.Message);
        Assert.Contains("Byte", error.Message);
    }

    [TestMethod]
    public void ATeacherThatPredictsAClassOutsideTheClasses_IsNamed()
    {
        var unlabeled = SceneRow.Load(Ml, [SceneRow.Scored([1, 1, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f]), SceneRow.Scored([1, 9, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f])], 4);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), unlabeled).Fit(PseudoMaskTests.Labeled(Ml)));

        Assert.Contains("'PredictedMask'", error.Message);
        Assert.Contains("got 9 at pixel 1 of unlabeled row 1", error.Message);
    }

    [TestMethod]
    public void ClassificationSelectionOptions_AreRejected()
    {
        var options = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.5 } };

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), Unlabeled, options, new PseudoMaskOptions()));

        Assert.AreEqual(nameof(SelfTrainingOptions.Selection), error.ParamName);
        Assert.Contains(nameof(PseudoMaskOptions.PixelConfidenceThreshold), error.Message);
    }

    [TestMethod]
    public void AScoreColumnName_IsRejected()
    {
        var options = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, ScoreColumnName = "Score" };

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), Unlabeled, options, new PseudoMaskOptions()));

        Assert.AreEqual(nameof(SelfTrainingOptions.ScoreColumnName), error.ParamName);
    }

    [TestMethod]
    [DataRow(1.5f)]
    [DataRow(-0.1f)]
    [DataRow(float.NaN)]
    public void APixelThresholdOutsideZeroToOne_IsNamed(float threshold)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(Ml), pixelConfidenceThreshold: threshold));

        Assert.AreEqual(nameof(PseudoMaskOptions.PixelConfidenceThreshold), error.ParamName);
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(256)]
    public void ANumberOfClassesOutsideTwoTo255_IsNamed(int classes)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PseudoMaskOptions { NumberOfClasses = classes }.Validate());

        Assert.AreEqual(nameof(PseudoMaskOptions.NumberOfClasses), error.ParamName);
    }

    [TestMethod]
    public void AnEmptyColumnName_IsNamed()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new PseudoMaskOptions { PredictedMaskColumnName = " " }.Validate());

        Assert.AreEqual(nameof(PseudoMaskOptions.PredictedMaskColumnName), error.ParamName);
    }

    private sealed class FloatMaskRow
    {
        [VectorType(4)]
        public float[] Mask { get; set; } = [];
    }
}
