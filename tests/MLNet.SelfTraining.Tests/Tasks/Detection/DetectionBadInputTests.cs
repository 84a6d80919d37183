using Microsoft.ML;
using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tests.Tasks.Detection;

[TestClass]
public sealed class DetectionBadInputTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static IDataView Unlabeled => DetectionRow.Load(Ml, [DetectionRow.Scored([(0, [0, 0, 10, 10], 0.9f)])]);

    [TestMethod]
    [DataRow(new uint[] { 1 }, new float[] { 0, 0, 10 }, "got 3 coordinates for 1 keys at row 1")]
    [DataRow(new uint[] { 0 }, new float[] { 0, 0, 10, 10 }, "got key 0 (missing) at row 1, box 0")]
    [DataRow(new uint[] { 1, 1 }, new float[] { 0, 0, 10, 10, 0, float.NaN, 10, 10 }, "finite coordinates; got (0, NaN, 10, 10) at row 1, box 1")]
    [DataRow(new uint[] { 1 }, new float[] { 10, 0, 10, 10 }, "x0 < x1 and y0 < y1")]
    public void BadHumanBoxes_AreNamedWithTheirRowAndBox_BeforeTheTeacherIsTrained(uint[] labels, float[] box, string expected)
    {
        var teacher = new RecordingDetector(Ml);
        var training = DetectionRow.Load(Ml, [DetectionRow.Labeled((0, [0, 0, 10, 10])), new DetectionRow { Labels = labels, Box = box }]);

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Detection().SelfTraining(teacher, Unlabeled).Fit(training));

        Assert.Contains(expected, error.Message);
        Assert.IsEmpty(teacher.Fits);
    }

    [TestMethod]
    public void TrainingDataWithoutAnyBox_IsRejected_ImagesWithoutBoxesAreNegativesNotUnlabeled()
    {
        var training = DetectionRow.Load(Ml, [new DetectionRow(), new DetectionRow()]);

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), Unlabeled).Fit(training));

        Assert.Contains("at least one box in 'Labels' and 'Box'; got 2 rows, none with a box", error.Message);
    }

    [TestMethod]
    public void NoUnlabeledData_IsAnArgumentNullExceptionThatSaysWhy()
    {
        var flat = Assert.ThrowsExactly<ArgumentNullException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), null!));
        var full = Assert.ThrowsExactly<ArgumentNullException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), null!, DetectionRow.Options(), new PseudoBoxOptions()));

        Assert.AreEqual("unlabeledData", flat.ParamName);
        Assert.AreEqual("unlabeledData", full.ParamName);
        Assert.Contains("every training row is labeled", flat.Message);
    }

    [TestMethod]
    public void ALabelColumnThatIsNotAVariableSizeKeyVector_IsRejected()
    {
        var data = Ml.Data.LoadFromEnumerable([new TextLabelsRow()]);

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), Unlabeled).Fit(data));

        Assert.AreEqual(nameof(SelfTrainingOptions.LabelColumnName), error.ParamName);
        Assert.Contains("'Labels'", error.Message);
        Assert.Contains("expected a variable-size vector of Key<UInt32>", error.Message);
        Assert.Contains("String", error.Message);
    }

    [TestMethod]
    public void AMissingBoxColumn_IsNamed()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), Unlabeled, boxColumnName: "Boxes").Fit(DetectionRow.OneLabeled(Ml)));

        Assert.AreEqual(nameof(PseudoBoxOptions.BoxColumnName), error.ParamName);
        Assert.Contains("'Boxes'", error.Message);
        Assert.Contains("no such column", error.Message);
    }

    [TestMethod]
    public void TheDefaultLabelColumnOfTheOptions_IsNotFound_AndTheMessageSaysToSetIt()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), Unlabeled, new SelfTrainingOptions(), new PseudoBoxOptions()).Fit(DetectionRow.OneLabeled(Ml)));

        Assert.AreEqual(nameof(SelfTrainingOptions.LabelColumnName), error.ParamName);
        Assert.Contains("'Label'", error.Message);
        Assert.Contains("\"Labels\"", error.Message);
    }

    [TestMethod]
    public void TeacherOutputsWhoseLengthsDisagree_AreNamedWithTheColumnsAndTheRow()
    {
        var unlabeled = DetectionRow.Load(Ml,
        [
            DetectionRow.Scored([(0, [0, 0, 10, 10], 0.9f)]),
            new DetectionRow { TeacherLabels = [1, 1], TeacherBoxes = [0, 0, 10, 10, 0, 0, 10, 10], TeacherScores = [0.9f] },
        ]);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), unlabeled).Fit(DetectionRow.OneLabeled(Ml)));

        Assert.Contains("'Score'", error.Message);
        Assert.Contains("got 2 keys, 8 coordinates and 1 scores at unlabeled row 1", error.Message);
    }

    [TestMethod]
    public void ATeacherKeyZero_IsNamed()
    {
        var unlabeled = DetectionRow.Load(Ml, [new DetectionRow { TeacherLabels = [0], TeacherBoxes = [0, 0, 10, 10], TeacherScores = [0.9f] }]);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), unlabeled).Fit(DetectionRow.OneLabeled(Ml)));

        Assert.Contains("'PredictedLabel'", error.Message);
        Assert.Contains("got 0 at box 0 of unlabeled row 0", error.Message);
    }

    [TestMethod]
    public void ATeacherWithoutTheScoreColumn_IsNamed()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), Unlabeled, DetectionRow.Options(),
            new PseudoBoxOptions { ScoreColumnName = "Confidence" }).Fit(DetectionRow.OneLabeled(Ml)));

        Assert.Contains("'Confidence'", error.Message);
        Assert.Contains("no such column", error.Message);
    }

    [TestMethod]
    public void ATeacherWhoseKeysAreNotTheLabelsKeys_IsRejected()
    {
        var training = DetectionRow.Load(Ml, [DetectionRow.Labeled((0, [0, 0, 10, 10]))], labelClassCount: 4);
        var unlabeled = DetectionRow.Load(Ml, [DetectionRow.Scored([(0, [0, 0, 10, 10], 0.9f)])], labelClassCount: 4);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), unlabeled).Fit(training));

        Assert.Contains("'PredictedLabel'", error.Message);
        Assert.Contains("the 4 keys of label column 'Labels'; got 3", error.Message);
    }

    [TestMethod]
    public void ClassificationOptions_AreRejected()
    {
        var selection = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Labels, Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.5 } };
        var score = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Labels, ScoreColumnName = "Score" };

        var selectionError = Assert.ThrowsExactly<ArgumentException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), Unlabeled, selection, new PseudoBoxOptions()));
        var scoreError = Assert.ThrowsExactly<ArgumentException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), Unlabeled, score, new PseudoBoxOptions()));

        Assert.AreEqual(nameof(SelfTrainingOptions.Selection), selectionError.ParamName);
        Assert.Contains(nameof(PseudoBoxOptions.ScoreThreshold), selectionError.Message);
        Assert.AreEqual(nameof(SelfTrainingOptions.ScoreColumnName), scoreError.ParamName);
    }

    [TestMethod]
    public void ADiagnosticLabelColumnWithoutADiagnosticBoxColumn_IsRejected()
    {
        var options = new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Labels, DiagnosticLabelColumnName = nameof(DetectionRow.TrueLabels) };

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), Unlabeled, options, new PseudoBoxOptions()));

        Assert.AreEqual(nameof(PseudoBoxOptions.DiagnosticBoxColumnName), error.ParamName);
        Assert.Contains("set both or neither", error.Message);
    }

    [TestMethod]
    public void NormalizedWeighting_WithAStudentThatIsNoConsumer_AndASoftTargetConsumer_AreRejected()
    {
        var normalized = new SelfTrainingOptions
        {
            LabelColumnName = DefaultColumnNames.Labels,
            Weighting = PseudoLabelWeighting.Normalized,
            Student = new RecordingDetector(Ml, consumes: false),
        };

        var weighting = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), Unlabeled, normalized, new PseudoBoxOptions()).Fit(DetectionRow.OneLabeled(Ml)));
        var soft = Assert.ThrowsExactly<ArgumentException>(() => Ml.Detection().SelfTraining(DetectionRow.CopyTeacher(Ml), Unlabeled,
            DetectionRow.Options(new RecordingDetector(Ml, softLabelColumnName: "Soft")), new PseudoBoxOptions()).Fit(DetectionRow.OneLabeled(Ml)));

        Assert.AreEqual(nameof(SelfTrainingOptions.Weighting), weighting.ParamName);
        Assert.Contains(nameof(IPseudoLabelConsumer), weighting.Message);
        Assert.AreEqual(nameof(SelfTrainingOptions.Student), soft.ParamName);
        Assert.Contains("'Soft'", soft.Message);
    }

    [TestMethod]
    [DataRow(nameof(PseudoBoxOptions.ScoreThreshold), 1.5f)]
    [DataRow(nameof(PseudoBoxOptions.ScoreThreshold), float.NaN)]
    [DataRow(nameof(PseudoBoxOptions.NmsIouThreshold), -0.1f)]
    [DataRow(nameof(PseudoBoxOptions.MaximumBoxesPerImage), 0f)]
    public void AnOptionOutOfRange_IsNamed(string option, float value)
    {
        var options = new PseudoBoxOptions();
        typeof(PseudoBoxOptions).GetProperty(option)!.SetValue(options, option == nameof(PseudoBoxOptions.MaximumBoxesPerImage) ? (object)(int)value : value);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate);

        Assert.AreEqual(option, error.ParamName);
    }

    [TestMethod]
    public void AnEmptyColumnName_IsNamed()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new PseudoBoxOptions { PredictedBoundingBoxesColumnName = " " }.Validate());

        Assert.AreEqual(nameof(PseudoBoxOptions.PredictedBoundingBoxesColumnName), error.ParamName);
    }

    private sealed class TextLabelsRow
    {
        public string[] Labels { get; set; } = ["a"];

        public float[] Box { get; set; } = [0, 0, 1, 1];
    }
}
