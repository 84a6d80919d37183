using Microsoft.ML;
using Microsoft.ML.Trainers;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tests.Validation;

[TestClass]
public sealed class ValidationGuardTests
{
    private static SelfTrainingTransformer FitNoiseStudent(MLContext ml, ValidationOptions validation, List<string>? log = null)
    {
        if (log is not null)
        {
            ml.Log += (_, e) => { lock (log) { log.Add(e.Message); } };
        }

        var options = new SelfTrainingOptions { MaximumIterations = 3, Student = NoisyBlobs.NoiseStudent(ml), Validation = validation };
        return ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml), NoisyBlobs.Load(ml, 100, seed: 2), options)
            .Fit(NoisyBlobs.Load(ml, 10, seed: 1));
    }

    [TestMethod]
    public void AStudentBuiltToDegrade_StopsTheRounds_AndTheTeacherIsReturned_ByDefault()
    {
        var ml = new MLContext(seed: 1);
        var log = new List<string>();
        using var model = FitNoiseStudent(ml, new ValidationOptions(), log);

        Assert.AreEqual(SelfTrainingStopReason.NoImprovement, model.StopReason);
        var validation = model.Validation!;
        Assert.AreEqual(0, validation.BestRound);
        Assert.IsFalse(validation.Helped);
        Assert.AreEqual("5-fold cross-validation", validation.Source, "30 labeled rows and an ML.NET student: Auto cross-validates");
        Assert.IsTrue(validation.Refit, "cross-validation trains the returned model on every labeled row");
        Assert.AreSame(model.Teacher, model.Model, "the refit of round 0 is the teacher on every labeled row");
        Assert.IsEmpty(model.Rounds);
        StringAssert.Contains(model.Verdict, "did not help on validation (5-fold cross-validation, threshold 0.75): teacher accuracy 100.00 %, best student accuracy");
        StringAssert.Contains(model.Verdict, "the teacher is returned, retrained on every labeled row");
        Assert.IsTrue(log.Any(m => m.Contains("Validation verdict: " + model.Verdict)), "the verdict goes to the MLContext log");
        Assert.IsTrue(log.Any(m => m.Contains("Validation (5-fold cross-validation, threshold 0.75), round 1: teacher accuracy 100.00 %, student accuracy") && m.EndsWith("not better.")), string.Join("\n", log.Where(m => m.Contains("Validation"))));
    }

    [TestMethod]
    public void WithoutRefit_TheRejectedRoundIsReported_WithTheValidationOfTeacherAndStudent()
    {
        var ml = new MLContext(seed: 1);
        using var model = FitNoiseStudent(ml, new ValidationOptions { Method = ValidationMethod.HoldOut, RefitOnAllLabeled = false });

        var round = model.Rounds.Single();
        Assert.AreEqual(1.0, round.TeacherValidation!.Value.Value);
        Assert.IsLessThan(0.8, round.StudentValidation!.Value.Value, "a student that reads noise is far below its teacher");
        Assert.AreEqual(0.0, round.StudentValidation!.Value.Spread);
        Assert.AreSame(model.Teacher, model.Model);
        Assert.AreEqual(SelfTrainingStopReason.NoImprovement, model.StopReason);
        Assert.IsFalse(model.Validation!.Refit);
        Assert.AreEqual("hold-out of 6 labeled rows", model.Validation.Source, "20 % of 10 rows per class");
    }

    [TestMethod]
    public void CrossValidation_ReportsTheSpreadOverFolds_AndReturnsTheTeacher()
    {
        var ml = new MLContext(seed: 1);
        using var model = FitNoiseStudent(ml, new ValidationOptions { Method = ValidationMethod.CrossValidation, Folds = 3 });

        var validation = model.Validation!;
        Assert.AreEqual("3-fold cross-validation", validation.Source);
        Assert.AreEqual(0, validation.BestRound);
        Assert.IsTrue(validation.Refit, "cross-validation always trains the returned model on every labeled row");
        Assert.AreSame(model.Teacher, model.Model);
        StringAssert.Contains(model.Verdict, "±", "a cross-validated student's score comes with its spread over folds");
    }

    [TestMethod]
    public void TheSameSeed_GivesTheSameDecisions_AndAnotherSeedOtherHeldOutRows()
    {
        foreach (var method in new[] { ValidationMethod.HoldOut, ValidationMethod.CrossValidation })
        {
            SelfTrainingValidation Fit(int seed)
            {
                var ml = new MLContext(seed: 1);
                var options = new SelfTrainingOptions
                {
                    MaximumIterations = 2,
                    Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.5 },
                    Validation = new ValidationOptions { Method = method, Seed = seed, Metric = ValidationMetric.LogLoss, Folds = 3 },
                };
                var unlabeled = ml.Data.LoadFromEnumerable(Blobs.Make(60, seed: 2, spread: 2));
                using var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml), unlabeled, options)
                    .Fit(ml.Data.LoadFromEnumerable(Blobs.Make(9, seed: 1, spread: 2)));
                return model.Validation!;
            }

            var first = Fit(seed: 5);
            var again = Fit(seed: 5);
            var other = Fit(seed: 6);
            Assert.AreEqual((first.Teacher, first.Best, first.BestRound), (again.Teacher, again.Best, again.BestRound), $"{method}: same seed, same scores and decision");
            Assert.AreNotEqual(first.Teacher, other.Teacher, $"{method}: another seed holds other rows out, so the teacher's log-loss differs");
        }
    }

    [TestMethod]
    public void AHelpfulStudent_KeepsItsGain_MeasuredOnValidationData()
    {
        var ml = new MLContext(seed: 1);
        var data = new MnistFixture(ml, 100);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            ExampleWeightColumnName = DefaultColumnNames.Weight,
            L1Regularization = 0,
            L2Regularization = 1,
        });
        var guarded = ml.MulticlassClassification.Trainers.SelfTraining(ml, trainer, data.UnlabeledWithTrueLabels,
            new SelfTrainingOptions { MaximumIterations = 3, Validation = new ValidationOptions { ValidationData = data.Test } }).Fit(data.Labeled);
        var unguarded = ml.MulticlassClassification.Trainers.SelfTraining(ml, trainer, data.UnlabeledWithTrueLabels,
            new SelfTrainingOptions { MaximumIterations = 3, KeepRoundModels = true, Validation = Unguarded.Validation }).Fit(data.Labeled);

        var validation = guarded.Validation!;
        Assert.IsTrue(validation.Helped, guarded.Verdict);
        Assert.IsFalse(validation.Refit, "validation data leaves every labeled row to training: nothing to refit");
        StringAssert.StartsWith(guarded.Verdict, "self-training helped by +");
        double Accuracy(ITransformer m) => ml.MulticlassClassification.Evaluate(m.Transform(data.Test)).MicroAccuracy;
        Assert.AreEqual(Accuracy(unguarded.Rounds[validation.BestRound - 1].Student!), Accuracy(guarded), "the guarded model is that round's student");
        Assert.AreEqual(validation.Best.Value, Accuracy(guarded), 1e-9, "validated on the test rows, its score is its test accuracy");
        Assert.IsGreaterThan(Accuracy(guarded.Teacher), Accuracy(guarded));
    }

    [TestMethod]
    public void TheThresholdGrid_RunsEveryThreshold_AndKeepsTheBest()
    {
        var ml = new MLContext(seed: 1);
        var log = new List<string>();
        ml.Log += (_, e) => { lock (log) { log.Add(e.Message); } };
        var options = new SelfTrainingOptions
        {
            MaximumIterations = 2,
            Student = NoisyBlobs.NoiseStudent(ml),
            Validation = new ValidationOptions { Method = ValidationMethod.HoldOut, ConfidenceThresholds = [0.5, 0.999999999], RefitOnAllLabeled = false },
        };
        using var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml), NoisyBlobs.Load(ml, 100, seed: 2), options)
            .Fit(NoisyBlobs.Load(ml, 10, seed: 1));

        var validation = model.Validation!;
        CollectionAssert.AreEquivalent(new[] { 0.5, 0.999999999 }, validation.ThresholdScores.Keys.ToArray());
        Assert.AreEqual(validation.ThresholdScores.Values.Max(s => s.Value), validation.Best.Value);
        Assert.AreEqual(validation.Best, validation.ThresholdScores[validation.ConfidenceThreshold]);
        Assert.AreEqual(0.5, validation.ConfidenceThreshold, "a tie keeps the first threshold listed: nothing passes 0.999999999 and the teacher scores the same");
        Assert.IsTrue(log.Any(m => m.Contains("Validation (hold-out of 6 labeled rows, threshold 0.999999999): best accuracy 100.00 % at round 0")), "every threshold is run");
    }

    [TestMethod]
    public void ACancelledGuardedFit_Throws_AndLeavesNoSpilledRows()
    {
        var ml = new MLContext(seed: 1) { TempFilePath = Directory.CreateTempSubdirectory().FullName };
        using var cancellation = new CancellationTokenSource();
        var options = new SelfTrainingOptions
        {
            MaximumIterations = 3,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.5 },
            CancellationToken = cancellation.Token,
            Progress = new CancelOnFirstStudent(cancellation),
        };

        Assert.ThrowsExactly<OperationCanceledException>(() => ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml),
            ml.Data.LoadFromEnumerable(Blobs.Make(50, seed: 2, spread: 2)), options).Fit(ml.Data.LoadFromEnumerable(Blobs.Make(5, seed: 1, spread: 2))));

        Assert.IsEmpty(Directory.GetFileSystemEntries(ml.TempFilePath), "every validation run's spilled rows are deleted");
    }

    private sealed class CancelOnFirstStudent(CancellationTokenSource cancellation) : IProgress<SelfTrainingProgress>
    {
        public void Report(SelfTrainingProgress value)
        {
            if (value.Stage == SelfTrainingStage.StudentTrained)
            {
                cancellation.Cancel();
            }
        }
    }
}
