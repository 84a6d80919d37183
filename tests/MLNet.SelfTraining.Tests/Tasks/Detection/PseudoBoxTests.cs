using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests.Tasks.Detection;

[TestClass]
public sealed class PseudoBoxTests
{
    [TestMethod]
    public void PseudoBoxes_AreTheTeachersBoxesAtOrAboveTheThreshold_AfterPerClassNms_WithTheirKeys()
    {
        var ml = new MLContext(seed: 1);
        var student = new RecordingDetector(ml);
        var unlabeled = DetectionRow.Load(ml,
        [
            DetectionRow.Scored(
            [
                (0, [1, 0, 11, 10], 0.8f),          // IoU 90/110 with the 0.9 box of its class: suppressed
                (0, [0, 0, 10, 10], 0.9f),
                (1, [1, 0, 11, 10], 0.7f),          // another class: kept
                (0, [30, 30, 40, 40], 0.5f),        // at the threshold: kept
                (0, [50, 50, 60, 60], 0.49999997f), // below: dropped
                (2, [5, 5, 5, 9], 0.95f),           // no area: dropped
            ]),
        ]);

        using var model = Fit(ml, unlabeled, student);

        var pseudo = student.Fits.Single()[1];
        Assert.IsTrue(pseudo.IsPseudo);
        CollectionAssert.AreEqual(new uint[] { 1, 2, 1 }, pseudo.Labels, "by descending score: a (0.9), b (0.7), a (0.5)");
        CollectionAssert.AreEqual(new float[] { 0, 0, 10, 10, 1, 0, 11, 10, 30, 30, 40, 40 }, pseudo.Box);
        var round = model.Rounds.Single();
        Assert.AreEqual(1, round.Selected);
        Assert.AreEqual((0.9 + 0.7 + 0.5) / 3, round.MeanConfidence, 1e-6);
        Assert.AreEqual(-(Math.Log(0.9) + Math.Log(0.7) + Math.Log(0.5)) / 3, round.PseudoLoss, 1e-6);
        Assert.IsTrue(double.IsNaN(round.HumanLoss), "the human loss is not measurable from predicted boxes and scores");
        CollectionAssert.AreEqual(new long[] { 2, 1, 0 }, round.PseudoLabeledPerClass.ToArray(), "pseudo boxes per class");
        CollectionAssert.AreEqual(new[] { 0 }, model.PseudoLabels.ToArray(), "the class of the highest-scored pseudo box");
    }

    [TestMethod]
    public void TheStudentsLabelColumns_HaveTheHumanTypesAndKeyValues()
    {
        var ml = new MLContext(seed: 1);
        var student = new RecordingDetector(ml);
        var unlabeled = DetectionRow.Load(ml, [DetectionRow.Scored([(1, [0, 0, 10, 10], 0.9f)])]);

        using var model = Fit(ml, unlabeled, student);

        var schema = student.Schemas.Single();
        var human = DetectionRow.OneLabeled(ml).Schema;
        Assert.AreEqual(human[DefaultColumnNames.Labels].Type, schema[DefaultColumnNames.Labels].Type);
        Assert.AreEqual(human[DefaultColumnNames.Box].Type, schema[DefaultColumnNames.Box].Type);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema[DefaultColumnNames.Labels].GetKeyValues(ref names);
        CollectionAssert.AreEqual(DetectionRow.Classes, names.DenseValues().Select(n => n.ToString()).ToArray());
        CollectionAssert.AreEqual(new uint[] { 2 }, student.Fits.Single()[1].Labels);
    }

    [TestMethod]
    public void AnImageWithoutPseudoBox_IsStillAStudentRow_AndNaNScoresOrCoordinatesMakeAnImageInvalid()
    {
        var ml = new MLContext(seed: 1);
        var student = new RecordingDetector(ml);
        var unlabeled = DetectionRow.Load(ml,
        [
            DetectionRow.Scored([(2, [0, 0, 10, 10], 0.9f)]),
            DetectionRow.Scored([(0, [0, 0, 10, 10], 0.3f)]),
            DetectionRow.Scored([(0, [0, 0, 10, 10], 0.9f), (1, [0, 0, 5, 5], float.NaN)]),
            DetectionRow.Scored([(0, [0, 0, float.PositiveInfinity, 10], 0.9f)]),
            DetectionRow.Scored([]),
            DetectionRow.Scored([(-1, [float.NaN, float.NaN, float.NaN, float.NaN], float.NaN)]),   // the detector's mark of an image it could not score: key 0
        ]);

        using var model = Fit(ml, unlabeled, student);

        var round = model.Rounds.Single();
        Assert.AreEqual(6, round.Scored);
        Assert.AreEqual(3, round.InvalidScores);
        Assert.AreEqual(3, round.PseudoLabeled);
        CollectionAssert.AreEqual(new[] { 1, 1, -1, -1, 1, -1 }, model.LabeledIteration.ToArray());
        CollectionAssert.AreEqual(new[] { 2, -1, -1, -1, -1, -1 }, model.PseudoLabels.ToArray(), "−1: no pseudo box (or not pseudo-labeled)");
        var rows = student.Fits.Single();
        CollectionAssert.AreEqual(new bool?[] { false, true, true, true }, rows.Select(r => r.IsPseudo).ToArray());
        Assert.IsTrue(rows.Skip(2).All(r => r.Labels.Length == 0 && r.Box.Length == 0), "images without pseudo boxes teach \"no object here\"");
    }

    [TestMethod]
    public void NoPseudoBoxInTheWholePass_StopsWithNoChange_ReturnsTheTeacher_AndSaysNoBoxPassed()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var student = new RecordingDetector(ml);
        var unlabeled = DetectionRow.Load(ml, [DetectionRow.Scored([(0, [0, 0, 10, 10], 0.3f)]), DetectionRow.Scored([])]);

        using var model = Fit(ml, unlabeled, student);

        Assert.AreEqual(SelfTrainingStopReason.NoChange, model.StopReason);
        Assert.IsEmpty(model.Rounds);
        Assert.IsEmpty(student.Fits);
        Assert.AreSame(model.Teacher, model.Model);
        Assert.IsTrue(messages.Any(m => m.Contains("no box of the teacher scored ≥ 0.5", StringComparison.Ordinal)), string.Join(Environment.NewLine, messages));
    }

    [TestMethod]
    public void NmsOff_AndTheBoxCap_AreOptions()
    {
        var ml = new MLContext(seed: 1);
        var student = new RecordingDetector(ml);
        var unlabeled = DetectionRow.Load(ml, [DetectionRow.Scored([(0, [0, 0, 10, 10], 0.6f), (0, [0, 0, 10, 10], 0.9f), (0, [1, 0, 11, 10], 0.7f)])]);

        using var model = ml.Detection().SelfTraining(DetectionRow.CopyTeacher(ml), unlabeled, DetectionRow.Options(student),
            new PseudoBoxOptions { NmsIouThreshold = 1, MaximumBoxesPerImage = 2 }).Fit(DetectionRow.OneLabeled(ml));

        CollectionAssert.AreEqual(new float[] { 0, 0, 10, 10, 1, 0, 11, 10 }, student.Fits.Single()[1].Box, "no suppression; the two highest scores");
    }

    [TestMethod]
    public void DiagnosticBoxes_AnImageAgreesWhenItsPseudoBoxesPairOneToOneWithItsTrueBoxes()
    {
        var ml = new MLContext(seed: 1);
        var unlabeled = DetectionRow.Load(ml,
        [
            DetectionRow.Scored([(0, [0, 0, 10, 10], 0.9f), (1, [20, 0, 30, 10], 0.8f)], truth: [(1, [21, 0, 31, 10]), (0, [0, 0, 10, 10])]), // IoU 9/11: agrees
            DetectionRow.Scored([(0, [0, 0, 10, 10], 0.9f)], truth: [(1, [0, 0, 10, 10])]),                                                // wrong class
            DetectionRow.Scored([(0, [0, 0, 10, 10], 0.9f)], truth: [(0, [0, 0, 10, 4])]),                                                 // IoU 0.4
            DetectionRow.Scored([(0, [0, 0, 10, 10], 0.9f)], truth: [(0, [0, 0, 10, 10]), (0, [20, 0, 30, 10])]),                           // a true box missed
            DetectionRow.Scored([(0, [0, 0, 10, 10], 0.2f)], truth: []),                                                                   // nothing, rightly
        ]);

        using var model = ml.Detection().SelfTraining(DetectionRow.CopyTeacher(ml), unlabeled,
            new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Labels, MaximumIterations = 1, DiagnosticLabelColumnName = nameof(DetectionRow.TrueLabels) },
            new PseudoBoxOptions { DiagnosticBoxColumnName = nameof(DetectionRow.TrueBox) }).Fit(DetectionRow.OneLabeled(ml));

        Assert.AreEqual(2.0 / 5, model.Rounds.Single().PseudoLabelAccuracy!.Value, 1e-9);
    }

    [TestMethod]
    public void EveryValidImageIsAPseudoRowOfTheFirstRound_SoTheRunStopsWithAllLabeled()
    {
        var ml = new MLContext(seed: 1);
        var unlabeled = DetectionRow.Load(ml, [DetectionRow.Scored([(0, [0, 0, 10, 10], 0.9f)]), DetectionRow.Scored([])]);

        using var model = ml.Detection().SelfTraining(DetectionRow.CopyTeacher(ml), unlabeled, maximumIterations: 3).Fit(DetectionRow.OneLabeled(ml));

        Assert.HasCount(1, model.Rounds);
        Assert.AreEqual(SelfTrainingStopReason.AllLabeled, model.StopReason);
    }

    [TestMethod]
    public void WithRescoring_ALaterRoundScoresEveryImageAgain_AndStopsWhenNothingChanges()
    {
        var ml = new MLContext(seed: 1);
        var unlabeled = DetectionRow.Load(ml, [DetectionRow.Scored([(0, [0, 0, 10, 10], 0.9f)]), DetectionRow.Scored([])]);
        var progress = new ProgressRecorder();
        var options = new SelfTrainingOptions
        {
            LabelColumnName = DefaultColumnNames.Labels,
            MaximumIterations = 3,
            RescorePseudoLabels = true,
            Progress = progress,
        };

        using var model = ml.Detection().SelfTraining(DetectionRow.CopyTeacher(ml), unlabeled, options, new PseudoBoxOptions()).Fit(DetectionRow.OneLabeled(ml));

        Assert.HasCount(1, model.Rounds, "round 2 re-scored and found the same pseudo boxes (the copy teacher predicts what it copies)");
        Assert.AreEqual(SelfTrainingStopReason.NoChange, model.StopReason);
        Assert.IsTrue(progress.Items.Any(p => p.Stage == SelfTrainingStage.PseudoLabelsSelected && p.Round == 2), "round 2 scored the images again");
    }

    [TestMethod]
    public void TheScoreThresholdIsAnArgument()
    {
        var ml = new MLContext(seed: 1);
        var unlabeled = DetectionRow.Load(ml, [DetectionRow.Scored([(0, [0, 0, 10, 10], 0.6f)])]);

        using var model = ml.Detection().SelfTraining(DetectionRow.CopyTeacher(ml), unlabeled, scoreThreshold: 0.7f).Fit(DetectionRow.OneLabeled(ml));

        Assert.AreEqual(SelfTrainingStopReason.NoChange, model.StopReason);
    }

    private static SelfTrainingTransformer Fit(MLContext ml, IDataView unlabeled, RecordingDetector student)
        => ml.Detection().SelfTraining(DetectionRow.CopyTeacher(ml), unlabeled, DetectionRow.Options(student), new PseudoBoxOptions()).Fit(DetectionRow.OneLabeled(ml));
}
