using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tests;

[TestClass]
public sealed class SelfTrainingEstimatorTests
{
    private static SelfTrainingTransformer FitBlobs(MLContext ml, SelfTrainingOptions options, int labeledPerClass = 3, int unlabeledPerClass = 100)
    {
        var labeled = ml.Data.LoadFromEnumerable(Blobs.Make(labeledPerClass, seed: 1));
        var unlabeled = ml.Data.LoadFromEnumerable(Blobs.Make(unlabeledPerClass, seed: 2));
        options.DiagnosticLabelColumnName ??= "TrueLabel";
        return ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml), unlabeled, options).Fit(labeled);
    }

    [TestMethod]
    public void ZeroIterations_IsPlainSupervisedTraining()
    {
        var ml = new MLContext(seed: 1);
        var data = new MnistFixture(ml, 100);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy();
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, trainer, data.UnlabeledWithTrueLabels, maximumIterations: 0).Fit(data.Labeled);
        var supervised = new MLContext(seed: 1).MulticlassClassification.Trainers.LbfgsMaximumEntropy().Fit(data.Labeled);

        Assert.IsEmpty(model.Rounds);
        Assert.AreEqual(SelfTrainingStopReason.MaximumIterations, model.StopReason);
        CollectionAssert.AreEqual(Scores(model, data.Test), Scores(supervised, data.Test));
        Assert.IsTrue(model.LabeledIteration.All(i => i == -1));
    }

    [TestMethod]
    public void Mnist_StudentBeatsTeacher_AndPseudoLabelAccuracyIsReported()
    {
        var ml = new MLContext(seed: 1);
        var data = new MnistFixture(ml, 100);
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 3, Weighting = PseudoLabelWeighting.Fixed, DiagnosticLabelColumnName = DefaultColumnNames.Label };
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: DefaultColumnNames.Weight);
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, trainer, data.UnlabeledWithTrueLabels, options).Fit(data.Labeled);

        var teacher = ml.MulticlassClassification.Evaluate(model.Teacher.Transform(data.Test)).MicroAccuracy;
        var student = ml.MulticlassClassification.Evaluate(model.Transform(data.Test)).MicroAccuracy;
        Assert.HasCount(3, model.Rounds);
        Assert.IsGreaterThan(0.9, model.Rounds[0].PseudoLabelAccuracy!.Value);
        Assert.IsGreaterThan(teacher, student);
    }

    [TestMethod]
    public void MaximumSelected_PicksTheMostConfidentRows()
    {
        var ml = new MLContext(seed: 1);
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1, Selection = new PseudoLabelOptions { ConfidenceThreshold = 0, MaximumSelected = 10 } };
        var model = FitBlobs(ml, options);

        var unlabeled = ml.Data.LoadFromEnumerable(Blobs.Make(100, seed: 2));
        var confidences = ml.Data.CreateEnumerable<ScoreRow>(model.Teacher.Transform(unlabeled), reuseRowObject: false).Select(r => r.Score.Max()).ToArray();
        var chosen = Enumerable.Range(0, confidences.Length).Where(i => model.LabeledIteration[i] == 1).ToList();
        Assert.HasCount(10, chosen);
        float lowestChosen = chosen.Min(i => confidences[i]);
        Assert.IsTrue(Enumerable.Range(0, confidences.Length).Except(chosen).All(i => confidences[i] <= lowestChosen));
    }

    [TestMethod]
    public void Bookkeeping_LabeledIterationMatchesRounds()
    {
        var ml = new MLContext(seed: 1);
        var model = FitBlobs(ml, new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 3, Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.95 } });

        Assert.IsNotEmpty(model.Rounds);
        foreach (var round in model.Rounds)
        {
            Assert.AreEqual(round.Selected, model.LabeledIteration.Count(i => i == round.Round));
        }

        for (int i = 0; i < model.LabeledIteration.Count; i++)
        {
            Assert.AreEqual(model.LabeledIteration[i] == -1, model.PseudoLabels[i] == -1);
        }

        Assert.AreEqual(model.Rounds[^1].PseudoLabeled, model.LabeledIteration.Count(i => i >= 0));
    }

    [TestMethod]
    public void NothingSelectedInRoundOne_StopsWithNoChange_AndReturnsTheTeacher()
    {
        var ml = new MLContext(seed: 1);
        var model = FitBlobs(ml, new SelfTrainingOptions { Validation = Unguarded.Validation, Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.999999999 } });

        Assert.AreEqual(SelfTrainingStopReason.NoChange, model.StopReason);
        Assert.IsEmpty(model.Rounds);
        Assert.AreSame(model.Teacher, model.Model);
    }

    [TestMethod]
    public void EverythingSelected_StopsWithAllLabeled()
    {
        var ml = new MLContext(seed: 1);
        var model = FitBlobs(ml, new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 5, Selection = new PseudoLabelOptions { ConfidenceThreshold = 0 } });

        Assert.AreEqual(SelfTrainingStopReason.AllLabeled, model.StopReason);
        Assert.HasCount(1, model.Rounds);
        Assert.IsTrue(model.LabeledIteration.All(i => i == 1));
    }

    [TestMethod]
    public void EverythingSelected_WithRescoring_ScoresAgainUntilNothingChangesOrTheLastRound()
    {
        var ml = new MLContext(seed: 1);
        var progress = new ProgressRecorder();
        var model = FitBlobs(ml, new SelfTrainingOptions
        {
            Validation = Unguarded.Validation,
            MaximumIterations = 3,
            RescorePseudoLabels = true,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = 0 },
            Progress = progress,
        });

        Assert.IsTrue(progress.Items.Any(p => p.Stage == SelfTrainingStage.PseudoLabelsSelected && p.Round == 2), "every row was labeled in round 1, and round 2 scored them again");
        Assert.AreEqual(SelfTrainingStopReason.NoChange, model.StopReason);
        Assert.HasCount(2, model.Rounds, "round 2 re-labeled some rows; round 3 re-scored and changed nothing");
    }

    [TestMethod]
    public void MaximumIterations_StopsAfterThatManyRounds()
    {
        var ml = new MLContext(seed: 1);
        var model = FitBlobs(ml, new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 2, Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.9, MaximumSelected = 5 } });

        Assert.AreEqual(SelfTrainingStopReason.MaximumIterations, model.StopReason);
        Assert.HasCount(2, model.Rounds);
    }

    [TestMethod]
    public void UnlabeledRowsOfTheTrainingData_AreUsed_WhenNoSeparateDataIsGiven()
    {
        var ml = new MLContext(seed: 1);
        var rows = Blobs.Make(3, seed: 1).Concat(Blobs.Make(50, seed: 2, hideLabels: true)).ToList();
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 2, DiagnosticLabelColumnName = "TrueLabel" };
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml), null, options).Fit(ml.Data.LoadFromEnumerable(rows));

        Assert.HasCount(150, model.LabeledIteration);
        Assert.IsNotEmpty(model.Rounds);
        Assert.IsGreaterThan(0.9, model.Rounds[0].PseudoLabelAccuracy!.Value);
    }

    [TestMethod]
    public void NormalizedWeight_FollowsTheFormula()
    {
        var ml = new MLContext(seed: 1);
        var model = FitBlobs(ml, new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1, Weighting = PseudoLabelWeighting.Normalized, PseudoLabelWeight = 2 });

        var round = model.Rounds.Single();
        double expected = 2 * (9.0 / round.PseudoLabeled) * (round.HumanLoss / round.PseudoLoss);
        Assert.AreEqual(expected, round.PseudoLabelWeight, 1e-9);
    }

    [TestMethod]
    public void SameSeed_GivesTheSameModel()
    {
        var options = () => new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 2 };
        var first = FitBlobs(new MLContext(seed: 7), options());
        var second = FitBlobs(new MLContext(seed: 7), options());
        var ml = new MLContext();
        var test = ml.Data.LoadFromEnumerable(Blobs.Make(20, seed: 3));

        CollectionAssert.AreEqual(Scores(first, test), Scores(second, test));
    }

    [TestMethod]
    public void StudentKeepsTheTeachersClasses_WhenAClassGetsNoPseudoLabels()
    {
        var ml = new MLContext(seed: 1);
        var labeled = ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1));
        var onlyClassA = ml.Data.LoadFromEnumerable(Blobs.Make(50, seed: 2).Where(r => r.TrueLabel == "a"));
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml), onlyClassA, new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1 }).Fit(labeled);

        Assert.HasCount(1, model.Rounds);
        var schema = model.Transform(labeled).Schema;
        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        schema["PredictedLabel"].GetKeyValues(ref keys);
        CollectionAssert.AreEqual(Blobs.Classes, keys.DenseValues().Select(k => k.ToString()).ToArray());
        Assert.AreEqual(3, ((VectorDataViewType)schema["Score"].Type).Size);
    }

    [TestMethod]
    public void Cancellation_StopsTheRun_AndLeavesNoTemporaryFiles()
    {
        var ml = new MLContext(seed: 1) { TempFilePath = Directory.CreateTempSubdirectory().FullName };
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => FitBlobs(ml, new SelfTrainingOptions { Validation = Unguarded.Validation, CancellationToken = cancellation.Token }));
        Assert.IsEmpty(Directory.GetFileSystemEntries(ml.TempFilePath));
    }

    [TestMethod]
    public void Run_DeletesItsSpillFiles()
    {
        var ml = new MLContext(seed: 1) { TempFilePath = Directory.CreateTempSubdirectory().FullName };
        var model = FitBlobs(ml, new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 2 });

        Assert.IsNotEmpty(model.Rounds);
        Assert.IsEmpty(Directory.GetFileSystemEntries(ml.TempFilePath));
    }

    [TestMethod]
    public void Log_GoesToMLContextLog()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        FitBlobs(ml, new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1 });

        Assert.IsTrue(messages.Any(m => m.Contains("Round 1:", StringComparison.Ordinal)), string.Join("\n", messages.Take(20)));
    }

    [TestMethod]
    public void StudentWithoutWeights_LogsAWarning()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var labeled = ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1));
        var unlabeled = ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 2));
        ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml, weightColumn: null), unlabeled, maximumIterations: 1).Fit(labeled);

        Assert.IsTrue(messages.Any(m => m.Contains("reads no example weights", StringComparison.Ordinal)));
    }

    internal static float[] Scores(ITransformer model, IDataView data)
        => new MLContext().Data.CreateEnumerable<ScoreRow>(model.Transform(data), reuseRowObject: false).SelectMany(r => r.Score).ToArray();

    internal sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }
}
