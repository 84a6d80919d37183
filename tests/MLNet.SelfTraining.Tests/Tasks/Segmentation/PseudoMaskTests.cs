using Microsoft.ML;

namespace MLNet.SelfTraining.Tests.Tasks.Segmentation;

[TestClass]
public sealed class PseudoMaskTests
{
    private const byte I = SegmentationMasks.Ignore;

    [TestMethod]
    public void PixelsAtOrAboveTheThreshold_KeepTheTeachersClass_TheOthersAndNaNBecome255()
    {
        var ml = new MLContext(seed: 1);
        var student = new RecordingSegmenter(ml);
        var unlabeled = SceneRow.Load(ml, [SceneRow.Scored([1, 1, 0, 2], [0.5f, 0.49999997f, 0.9f, float.NaN])], 4);

        using var model = Fit(ml, unlabeled, student);

        var round = model.Rounds.Single();
        Assert.AreEqual(1, round.Selected);
        Assert.AreEqual(0.7, round.MeanConfidence, 1e-6, "the mean confidence of the pseudo pixels 0.5 and 0.9");
        Assert.AreEqual((-Math.Log(0.5) - Math.Log(0.9)) / 2, round.PseudoLoss, 1e-6);
        Assert.IsTrue(double.IsNaN(round.HumanLoss), "the human loss is not measurable from a predicted class and its confidence");
        var rows = student.Fits.Single();
        CollectionAssert.AreEqual(new byte[] { 0, 1, 0, 1 }, rows[0].Mask, "the human mask is untouched");
        Assert.IsFalse(rows[0].IsPseudo);
        CollectionAssert.AreEqual(new byte[] { 1, I, 0, I }, rows[1].Mask);
        Assert.IsTrue(rows[1].IsPseudo);
    }

    [TestMethod]
    public void AnImageWithOnlyNaNConfidences_IsInvalid_AndOneWithNoPseudoPixel_IsNotAPseudoRow()
    {
        var ml = new MLContext(seed: 1);
        var unlabeled = SceneRow.Load(ml,
        [
            SceneRow.Scored([1, 1, 0, 0], [0.8f, 0.8f, 0.8f, 0.8f]),
            SceneRow.Scored([1, 1, 0, 0], [float.NaN, float.NaN, float.NaN, float.NaN]),
            SceneRow.Scored([1, 1, 0, 0], [0.2f, 0.3f, 0.4f, 0.1f]),
        ], 4);

        using var model = Fit(ml, unlabeled, new RecordingSegmenter(ml));

        var round = model.Rounds.Single();
        Assert.AreEqual(3, round.Scored);
        Assert.AreEqual(1, round.InvalidScores);
        Assert.AreEqual(1, round.PseudoLabeled);
        CollectionAssert.AreEqual(new[] { 1, -1, -1 }, model.LabeledIteration.ToArray());
    }

    [TestMethod]
    public void NoPseudoPixelAnywhere_StopsWithNoChange_ReturnsTheTeacher_AndSaysPixels()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var unlabeled = SceneRow.Load(ml, [SceneRow.Scored([1, 1, 0, 0], [0.2f, 0.3f, 0.4f, 0.1f]), SceneRow.Scored([0, 0, 0, 0], [0.49f, 0.49f, 0.49f, 0.49f])], 4);

        using var model = Fit(ml, unlabeled, new RecordingSegmenter(ml));

        Assert.AreEqual(SelfTrainingStopReason.NoChange, model.StopReason);
        Assert.IsEmpty(model.Rounds);
        Assert.AreSame(model.Teacher, model.Model);
        Assert.IsTrue(messages.Any(m => m.Contains("no new image has a pseudo pixel", StringComparison.Ordinal)), string.Join(Environment.NewLine, messages));
    }

    [TestMethod]
    public void TrainingRowsWhoseMaskIsAll255_AreUnlabeled()
    {
        var ml = new MLContext(seed: 1);
        var training = SceneRow.Load(ml,
        [
            SceneRow.Labeled([0, 1, 2, 0]),
            SceneRow.Scored([2, 2, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f]),
            SceneRow.Scored([1, 0, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f]),
        ], 4);
        var student = new RecordingSegmenter(ml);

        using var model = ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), null,
            new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, Student = student }, new PseudoMaskOptions())
            .Fit(training);

        CollectionAssert.AreEqual(new[] { 1, 1 }, model.LabeledIteration.ToArray());
        CollectionAssert.AreEqual(new[] { false, true, true }, student.Fits.Single().Select(r => r.IsPseudo!.Value).ToArray());
    }

    [TestMethod]
    public void PerClassCounts_CountAnImageOncePerClass_AndTheReportedClassIsTheMostFrequentObjectClass()
    {
        var ml = new MLContext(seed: 1);
        var unlabeled = SceneRow.Load(ml,
        [
            SceneRow.Scored([0, 2, 2, 1], [0.9f, 0.9f, 0.9f, 0.9f]),
            SceneRow.Scored([0, 0, 0, 1], [0.9f, 0.9f, 0.9f, 0.9f]),
            SceneRow.Scored([0, 0, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f]),
        ], 4);

        using var model = Fit(ml, unlabeled, new RecordingSegmenter(ml));

        CollectionAssert.AreEqual(new long[] { 3, 2, 1 }, model.Rounds.Single().PseudoLabeledPerClass.ToArray());
        CollectionAssert.AreEqual(new[] { 2, 1, 0 }, model.PseudoLabels.ToArray());
    }

    [TestMethod]
    public void DiagnosticMasks_AnImageAgreesWhen90PercentOfItsPseudoPixelsWithATrueClassAreRight()
    {
        var ml = new MLContext(seed: 1);
        byte[] predicted = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        var confident = Enumerable.Repeat(0.9f, 10).ToArray();
        var unlabeled = SceneRow.Load(ml,
        [
            SceneRow.Scored(predicted, confident, truth: [1, 1, 1, 1, 1, 1, 1, 1, 1, 0]),     // 9 of 10 right: agrees
            SceneRow.Scored(predicted, confident, truth: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0]),     // 8 of 10: does not
            SceneRow.Scored(predicted, confident, truth: [1, 1, 1, 1, 1, 1, 1, 1, I, I]),     // 8 of 8 with a true class: agrees
        ], 10);
        var labeled = SceneRow.Load(ml, [SceneRow.Labeled([0, 1, 0, 1, 0, 1, 0, 1, 0, 1])], 10);

        using var model = ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), unlabeled,
            new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, DiagnosticLabelColumnName = nameof(SceneRow.TrueMask) },
            new PseudoMaskOptions()).Fit(labeled);

        Assert.AreEqual(2.0 / 3, model.Rounds.Single().PseudoLabelAccuracy!.Value, 1e-9);
    }

    [TestMethod]
    public void TheThresholdIsAnOption()
    {
        var ml = new MLContext(seed: 1);
        var student = new RecordingSegmenter(ml);
        var unlabeled = SceneRow.Load(ml, [SceneRow.Scored([1, 1, 0, 2], [0.5f, 0.7f, 0.9f, 0.95f])], 4);

        using var model = ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), unlabeled,
            new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, Student = student },
            new PseudoMaskOptions { PixelConfidenceThreshold = 0.9f }).Fit(Labeled(ml));

        CollectionAssert.AreEqual(new byte[] { I, I, 0, 2 }, student.Fits.Single()[1].Mask);
    }

    internal static IDataView Labeled(MLContext ml) => SceneRow.Load(ml, [SceneRow.Labeled([0, 1, 0, 1])], 4);

    private static SelfTrainingTransformer Fit(MLContext ml, IDataView unlabeled, RecordingSegmenter student)
        => ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), unlabeled,
            new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, Student = student }, new PseudoMaskOptions())
            .Fit(Labeled(ml));
}
