using Microsoft.ML;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tests;

/// <summary><see cref="SelfTrainingOptions.Progress"/>: the run's stages in order, with counts that add up.</summary>
[TestClass]
public sealed class SelfTrainingProgressTests
{
    private static readonly MLContext Ml = new(seed: 1);

    [TestMethod]
    public void Fit_ReportsTeacherThenEachRoundsStagesInOrder()
    {
        var reports = new ProgressRecorder();
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 2, Progress = reports };

        var model = Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), Unlabeled(60), options).Fit(Labeled());

        var stages = reports.Items.Where(r => r.Stage != SelfTrainingStage.Scoring || r.Completed == 0).Select(r => (r.Stage, r.Round));
        (SelfTrainingStage, int)[] expected =
        [
            (SelfTrainingStage.TeacherTraining, 0), (SelfTrainingStage.TeacherTrained, 0),
            .. Enumerable.Range(1, model.Rounds.Count).SelectMany(round => new[]
            {
                (SelfTrainingStage.Scoring, round), (SelfTrainingStage.PseudoLabelsSelected, round),
                (SelfTrainingStage.StudentTraining, round), (SelfTrainingStage.StudentTrained, round),
            }),
        ];
        var tail = model.Rounds.Count < 2 ? new[] { (SelfTrainingStage.Scoring, 2), (SelfTrainingStage.PseudoLabelsSelected, 2) } : [];
        CollectionAssert.AreEqual(expected.Concat(tail).Append((SelfTrainingStage.Finished, 2)).ToArray(), stages.ToArray());
        Assert.IsTrue(reports.Items.All(r => r.MaximumRounds == 2));
        var finished = reports.Items[^1];
        Assert.AreEqual(model.Rounds.Count, finished.Completed);
        Assert.AreEqual(2L, finished.Total);
    }

    [TestMethod]
    public void Scoring_CountsUpToTheRowsToScore_AndSelectionMatchesTheRoundRecord()
    {
        var reports = new ProgressRecorder();
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1, Progress = reports };

        var model = Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), Unlabeled(1000), options).Fit(Labeled());

        var scoring = reports.Items.Where(r => r.Stage == SelfTrainingStage.Scoring).ToList();
        Assert.IsTrue(scoring.All(r => r.Total == 3000));
        CollectionAssert.AreEqual(new long[] { 0, 1024, 2048, 3000 }, scoring.Select(r => r.Completed).ToArray());
        var selected = reports.Items.Single(r => r.Stage == SelfTrainingStage.PseudoLabelsSelected);
        Assert.AreEqual(model.Rounds[0].Selected, selected.Completed);
        Assert.AreEqual(model.Rounds[0].Scored, selected.Total);
    }

    [TestMethod]
    public void StudentSteps_ReportedThroughTheContext_ReachTheRunsProgress()
    {
        var reports = new ProgressRecorder();
        var student = new SteppingConsumer(Blobs.Pipeline(Ml, weightColumn: null), steps: 5);
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1, Student = student, Progress = reports };

        Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml, weightColumn: null), Unlabeled(60), options).Fit(Labeled());

        var training = reports.Items.SkipWhile(r => r.Stage != SelfTrainingStage.StudentTraining)
            .TakeWhile(r => r.Stage == SelfTrainingStage.StudentTraining).ToList();
        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 3, 4, 5 }, training.Select(r => r.Completed).ToArray());
        CollectionAssert.AreEqual(new long?[] { null, 5, 5, 5, 5, 5 }, training.Select(r => r.Total).ToArray());
        Assert.IsTrue(training.All(r => r.Round == 1));
    }

    [TestMethod]
    public void ReportTrainingSteps_MoreStepsThanTheTotal_Throws()
    {
        var student = new SteppingConsumer(Blobs.Pipeline(Ml, weightColumn: null), steps: 2, total: 1);
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1, Student = student, Progress = new ProgressRecorder() };

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml, weightColumn: null), Unlabeled(60), options).Fit(Labeled()));
    }

    private static IDataView Labeled() => Ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1));

    private static IDataView Unlabeled(int perClass) => Ml.Data.LoadFromEnumerable(Blobs.Make(perClass, seed: 2, hideLabels: true));

    /// <summary>A student that reports <paramref name="steps"/> training steps through the run's context, then fits its inner pipeline.</summary>
    private sealed class SteppingConsumer(IEstimator<ITransformer> inner, int steps, int? total = null) : IEstimator<ITransformer>, IPseudoLabelConsumer
    {
        public string PseudoLabelFlagColumnName => DefaultColumnNames.IsPseudoLabel;

        public string? SoftLabelColumnName => null;

        public string? ExampleWeightColumnName => null;

        public ITransformer Fit(IDataView input)
        {
            for (int step = 1; step <= steps; step++)
            {
                StudentContext.Current?.ReportTrainingSteps(step, total ?? steps);
            }

            return inner.Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema)
        {
            StudentContext.Current?.Register(this);
            return inner.GetOutputSchema(inputSchema);
        }
    }
}
