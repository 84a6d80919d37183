using Microsoft.ML;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

/// <summary><see cref="TorchImageClassifierTrainer.Options.Progress"/>: every step, alone and inside self-training.</summary>
[TestClass]
public sealed class TrainingProgressTests
{
    [TestMethod]
    public void Fit_ReportsSteps1ToN_WithFiniteLossAndTheSchedulesLearningRate()
    {
        var mlContext = new MLContext(seed: 1);
        var steps = new Recorder<TrainingProgress>();
        var options = TinyClassifier.Options(steps: 12);
        options.Optimization.WarmupFraction = 0.25;
        options.Progress = steps;

        using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options)
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(20, seed: 1)));

        CollectionAssert.AreEqual(Enumerable.Range(1, 12).ToArray(), steps.Items.Select(p => p.Step).ToArray());
        Assert.IsTrue(steps.Items.All(p => p.TotalSteps == 12));
        Assert.IsTrue(steps.Items.All(p => double.IsFinite(p.LossAverage) && p.LossAverage > 0));
        var schedule = new WarmupCosineSchedule(0.01, warmupSteps: 3, totalSteps: 12);
        CollectionAssert.AreEqual(Enumerable.Range(0, 12).Select(schedule.LearningRate).ToArray(), steps.Items.Select(p => p.LearningRate).ToArray());
    }

    [TestMethod]
    public void Student_ForwardsItsStepsToTheRun_AndToItsOwnOption()
    {
        var mlContext = new MLContext(seed: 1);
        var run = new Recorder<SelfTrainingProgress>();
        var teacherSteps = new Recorder<TrainingProgress>();
        var studentSteps = new Recorder<TrainingProgress>();
        var teacher = TinyClassifier.Options(steps: 4);
        teacher.Progress = teacherSteps;
        var student = TinyClassifier.Options(steps: 7);
        student.Progress = studentSteps;
        var options = new SelfTrainingOptions
        {
            MaximumIterations = 1,
            Selection = new() { ConfidenceThreshold = 0 },
            Student = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, student),
            Progress = run,
        };

        using var model = mlContext.MulticlassClassification.Trainers
            .SelfTraining(mlContext, mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, teacher), SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(30, seed: 2)), options)
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(20, seed: 1)));

        Assert.HasCount(4, teacherSteps.Items);
        CollectionAssert.AreEqual(Enumerable.Range(1, 7).ToArray(), studentSteps.Items.Select(p => p.Step).ToArray());
        var training = run.Items.Where(p => p.Stage == SelfTrainingStage.StudentTraining).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(0, 8).Select(i => (long)i).ToArray(), training.Select(p => p.Completed).ToArray());
        Assert.IsTrue(training.Skip(1).All(p => p.Total == 7 && p.Round == 1));
        Assert.AreEqual(SelfTrainingStage.StudentTrained, run.Items[run.Items.IndexOf(training[^1]) + 1].Stage);
    }

    /// <summary>Keeps every report in order (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class Recorder<T> : IProgress<T>
    {
        public List<T> Items { get; } = [];

        public void Report(T value) => Items.Add(value);
    }
}
