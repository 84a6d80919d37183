using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

[TestClass]
public sealed class StudentModeTests
{
    [TestMethod]
    public void Fit_WithThePseudoFlagColumn_RunsStudentModeWithMixedBatches()
    {
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => messages.Add(e.Message);
        var rows = StudentRows(SyntheticImages.Rows(90, seed: 1), pseudoEvery: 3);
        var options = TinyClassifier.Options(steps: 40);
        options.Optimization.BatchSize = 30;
        options.Student.PseudoLabelRatio = 2;
        options.SoftLabelColumnName = "SoftLabel";               // soft targets from the rows' SoftLabel column

        using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options)
            .Fit(Keyed(mlContext, rows));

        Assert.IsTrue(messages.Any(m => m.Contains("Student mode: 30 human-labeled and 60 pseudo-labeled rows, batches of 10 + 20")), string.Join("\n", messages));
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(90, seed: 2))));
        Assert.IsGreaterThan(0.8, metrics.MacroAccuracy);
    }

    [TestMethod]
    public void Fit_WithMasking_NeverTrainsOnTheTeachersLabels()
    {
        // Every pseudo row (every other row) carries a wrong class: with the mask the network learns only from the human
        // rows and its own confident predictions; a plain student learns the wrong classes.
        var classes = SyntheticImages.Classes;
        var rows = StudentRows(SyntheticImages.Rows(90, seed: 1), pseudoEvery: 2)
            .Select(r => r.IsPseudoLabel ? new StudentRow { Features = r.Features, Label = classes[(Array.IndexOf(classes, r.Label) + 1) % classes.Length], IsPseudoLabel = true, SoftLabel = r.SoftLabel } : r)
            .ToArray();

        double AccuracyWith(double? onlineThreshold, bool meanTeacher = false)
        {
            var mlContext = new MLContext(seed: 1);
            var options = TinyClassifier.Options(steps: 40);
            options.Optimization.BatchSize = 30;
            options.SoftLabelColumnName = null;              // hard targets: the (wrong) Label column
            options.Student.OnlineRelabelThreshold = onlineThreshold;
            options.Student.MaskUnconfidentPseudoRows = onlineThreshold is not null;
            options.Optimization.WeightAverageDecay = meanTeacher ? 0.5 : null;
            options.Student.RelabelWithWeightAverage = meanTeacher;
            var raw = mlContext.Data.LoadFromEnumerable(rows);
            var keys = mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(raw);        // the test set gets the same keys
            using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(keys.Transform(raw));
            var test = keys.Transform(mlContext.Data.LoadFromEnumerable(SyntheticImages.Rows(90, seed: 2)));
            return mlContext.MulticlassClassification.Evaluate(model.Transform(test)).MacroAccuracy;
        }

        var masked = AccuracyWith(0.95);
        var meanTeacher = AccuracyWith(0.95, meanTeacher: true);
        var plain = AccuracyWith(null);

        Assert.IsGreaterThan(0.9, masked, $"masked {masked:F3}, plain student {plain:F3}");
        Assert.IsGreaterThan(0.9, meanTeacher, $"masked with the weight average labeling {meanTeacher:F3}");
        Assert.IsLessThan(0.7, plain, $"masked {masked:F3}, plain student {plain:F3}");
    }

    [TestMethod]
    public void Fit_RelabelingWithTheWeightAverage_LabelsWithTheAverageNotTheNetwork()
    {
        string RelabelingReport(bool meanTeacher)
        {
            var mlContext = new MLContext(seed: 1);
            var messages = new List<string>();
            mlContext.Log += (_, e) => messages.Add(e.Message);
            var options = TinyClassifier.Options(steps: 40);
            options.Optimization.BatchSize = 30;
            options.Student.OnlineRelabelThreshold = 0.8;
            options.Student.MaskUnconfidentPseudoRows = true;
            options.Optimization.WeightAverageDecay = 0.9;           // the same averaged final weights either way
            options.Student.RelabelWithWeightAverage = meanTeacher;
            using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options)
                .Fit(Keyed(mlContext, StudentRows(SyntheticImages.Rows(90, seed: 1), pseudoEvery: 2)));
            return messages.Single(m => m.Contains("Online re-labeling"));
        }

        var fromNetwork = RelabelingReport(meanTeacher: false);
        var fromAverage = RelabelingReport(meanTeacher: true);

        // The lagging average is less confident early on, so it leaves out a different number of rows.
        Assert.AreNotEqual(fromNetwork, fromAverage);
        Assert.AreEqual(fromAverage, RelabelingReport(meanTeacher: true), "and it is reproducible");
    }

    [TestMethod]
    public void Fit_FromTheTeacherWeights_StartsWhereTheTeacherIs()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 1));
        using var teacher = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 40)).Fit(data);
        var options = TinyClassifier.Options(steps: 1);
        options.Optimization.LearningRate = 1e-9;
        options.InitialModel = teacher;

        using var student = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(data);

        var test = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 2));
        var teacherLabels = SyntheticImages.PredictedKeys(mlContext, teacher.Transform(test));
        var studentLabels = SyntheticImages.PredictedKeys(mlContext, student.Transform(test));
        Assert.IsGreaterThanOrEqualTo(57, teacherLabels.Zip(studentLabels).Count(p => p.First == p.Second));
    }

    [TestMethod]
    public void Fit_WithZeroWeightsOnAClass_NeverLearnsIt()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticImages.Rows(90, seed: 1).Select(r => new WeightedRow { Features = r.Features, Label = r.Label, Weight = r.Label == "sq" ? 0f : 1f });
        var raw = mlContext.Data.LoadFromEnumerable(rows);
        var keyed = mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(raw).Transform(raw);
        var options = TinyClassifier.Options(steps: 40);
        options.ExampleWeightColumnName = "Weight";

        using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(keyed);

        var predicted = SyntheticImages.PredictedKeys(mlContext, model.Transform(keyed));
        Assert.AreEqual(0, predicted.Count(k => k == 3), "no row is predicted as the zero-weight class");
    }

    [TestMethod]
    public void Fit_WithACancelledToken_Throws()
    {
        var mlContext = new MLContext(seed: 1);
        var options = TinyClassifier.Options();
        options.CancellationToken = new CancellationToken(canceled: true);

        Assert.ThrowsExactly<OperationCanceledException>(() => mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, options).Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1))));
    }

    private static IDataView Keyed(MLContext mlContext, StudentRow[] rows)
    {
        var raw = mlContext.Data.LoadFromEnumerable(rows);
        return mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(raw).Transform(raw);
    }

    // Every pseudoEvery-th row is human-labeled; the others are pseudo-labeled with a soft target peaked on the label.
    private static StudentRow[] StudentRows(ImageRow[] rows, int pseudoEvery) => rows.Select((r, i) =>
    {
        var isPseudo = i % pseudoEvery != 0;
        var soft = SyntheticImages.Classes.Select(c => c == r.Label ? (isPseudo ? 0.8f : 1f) : (isPseudo ? 0.1f : 0f)).ToArray();
        return new StudentRow { Features = r.Features, Label = r.Label, IsPseudoLabel = isPseudo, SoftLabel = soft };
    }).ToArray();

    private sealed class StudentRow
    {
        [VectorType(SyntheticImages.PixelCount)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";

        public bool IsPseudoLabel { get; set; }

        [VectorType(3)]
        public float[] SoftLabel { get; set; } = [];
    }

    private sealed class WeightedRow
    {
        [VectorType(SyntheticImages.PixelCount)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";

        public float Weight { get; set; }
    }
}
