using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Classification;

/// <summary>The classifier as a self-training student inside a longer pipeline: found, driven, stopped.</summary>
[TestClass]
public sealed class SelfTrainingStudentTests
{
    public TestContext TestContext { get; set; } = null!;

    private static (IDataView Labeled, IDataView Unlabeled) Data(MLContext mlContext)
        => (SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(30, seed: 1)),
            SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(90, seed: 2)));

    [TestMethod]
    public void StudentFollowedByMapKeyToValue_TrainsInStudentMode()
    {
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var (labeled, unlabeled) = Data(mlContext);
        var classifier = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 20));
        var student = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 20))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));
        var options = new SelfTrainingOptions { MaximumIterations = 1, Selection = new() { ConfidenceThreshold = 0 }, Student = student };

        using var model = mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, classifier, unlabeled, options).Fit(labeled);

        Assert.IsTrue(messages.Any(m => m.Contains("Student mode: 30 human-labeled and 90 pseudo-labeled rows")), string.Join("\n", messages.Where(m => m.Contains("mode"))));
        Assert.IsNotNull(model.Transform(labeled).Schema.GetColumnOrNull("PredictedClass"));
    }

    [TestMethod]
    public void StudentThatCannotSeeThePseudoFlag_ThrowsNamingTheOption()
    {
        var mlContext = new MLContext(seed: 1);
        var (labeled, unlabeled) = Data(mlContext);
        var classifier = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 10));
        var student = mlContext.Transforms.DropColumns(DefaultColumnNames.IsPseudoLabel)
            .Append(mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 10)));
        var options = new SelfTrainingOptions { MaximumIterations = 1, Selection = new() { ConfidenceThreshold = 0 }, Student = student };

        var error = Assert.ThrowsExactly<InvalidOperationException>(
            () => mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, classifier, unlabeled, options).Fit(labeled));
        StringAssert.Contains(error.Message, "PseudoLabelFlagColumnName");
        StringAssert.Contains(error.Message, "'IsPseudoLabel'");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void SelfTrainingToken_StopsAVisionStudentWithinSeconds()
    {
        var mlContext = new MLContext(seed: 1);
        // Linked to the test's token so that the timeout (cooperative, as MSTest 4 requires) also stops the
        // 1,000,000-step student if the log-triggered cancel below never happens.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        var cancelledAt = new Stopwatch();
        mlContext.Log += (_, e) =>
        {
            if (e.Message.Contains("Student mode:") && !cancelledAt.IsRunning)
            {
                cancelledAt.Start();
                cancellation.Cancel();
            }
        };
        var (labeled, unlabeled) = Data(mlContext);
        var teacher = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 10));
        var student = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 1_000_000));
        var options = new SelfTrainingOptions
        {
            MaximumIterations = 1,
            Selection = new() { ConfidenceThreshold = 0 },
            Student = student,
            CancellationToken = cancellation.Token,
        };

        Assert.ThrowsExactly<OperationCanceledException>(
            () => mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, teacher, unlabeled, options).Fit(labeled));
        Assert.IsTrue(cancelledAt.IsRunning, "the student never started");
        Assert.IsLessThan(5.0, cancelledAt.Elapsed.TotalSeconds);
    }
}
