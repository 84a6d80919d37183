using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.Vision;

namespace SelfTraining.Vision;

/// <summary>
/// Runs one configuration: a TorchSharp SmallCnn teacher on the k labeled images, then <see cref="SelfTrainConfig.Rounds"/>
/// rounds of pseudo-labeling and a student trained from scratch (or from the round's teacher), through the core
/// self-training estimator.
/// </summary>
internal static class SelfTrainRun
{
    public static SelfTrainResult Run(SelfTrainConfig config)
    {
        config.Check();
        var started = UtcStamp.Now();
        var mlContext = new MLContext(seed: config.Seed);
        mlContext.Log += (_, e) =>                        // the trainers' progress (epochs, online re-labeling) goes to the run's log
        {
            if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Info && e.Source.Contains("TorchImageClassifier", StringComparison.Ordinal))
            {
                Console.Error.WriteLine(e.Message);
            }
        };
        var split = SplitChoice.Create(config.Split, config.Labeled);
        var labeled = split.LoadLabeled(mlContext);
        var unlabeled = split.Data.ToDataView(mlContext, split.Unlabeled);     // true labels kept for diagnostics only
        var test = split.LoadTest(mlContext);

        var trainers = mlContext.MulticlassClassification.Trainers;
        var teacher = trainers.TorchImageClassifier(mlContext, TrainerOptionsFactory.Teacher(config));
        var student = trainers.TorchImageClassifier(mlContext, TrainerOptionsFactory.Student(config));
        var options = new SelfTrainingOptions
        {
            MaximumIterations = config.Rounds,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = config.Threshold, BalanceClasses = config.BalanceClasses },
            RescorePseudoLabels = config.Rescore,
            InitializeStudentFromTeacher = config.FromTeacher,
            KeepRoundModels = true,                       // each round's student is evaluated below
            DiagnosticLabelColumnName = "Label",
            Student = student,
        };
        var clock = Stopwatch.StartNew();
        using var model = trainers.SelfTraining(mlContext, teacher, unlabeled, options).Fit(labeled);
        var fitSeconds = clock.Elapsed.TotalSeconds;

        var teacherAccuracy = mlContext.MulticlassClassification.Evaluate(model.Teacher.Transform(test)).MicroAccuracy;
        var rounds = model.Rounds
            .Select(r => new RoundSummary(r.Round, r.Selected, r.PseudoLabeled, r.MeanConfidence, r.PseudoLabelAccuracy, r.Elapsed.TotalSeconds,
                mlContext.MulticlassClassification.Evaluate(r.Student!.Transform(test)).MicroAccuracy))
            .ToList();
        var studentAccuracy = rounds.Count > 0 ? rounds[^1].StudentAccuracy : teacherAccuracy;   // the final model is the last round's student
        return new SelfTrainResult("ML.NET/TorchSharp", config, teacherAccuracy, studentAccuracy, rounds, fitSeconds,
            PeakMemory.PeakRssMiB(), started);
    }
}
