using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;

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
        var started = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var mlContext = new MLContext(seed: config.Seed);
        mlContext.Log += (_, e) =>                        // the trainers' progress (epochs, online re-labeling) goes to the run's log
        {
            if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Info && e.Source.Contains("TorchImageClassifier", StringComparison.Ordinal))
            {
                Console.Error.WriteLine(e.Message);
            }
        };
        var split = MnistSplit.Canonical(MnistDataset.ReadEmbedded10k(), config.Labeled);
        var labeled = split.LoadLabeled(mlContext);
        var unlabeled = split.Data.ToDataView(mlContext, split.Unlabeled);     // true labels kept for diagnostics only
        var test = split.LoadTest(mlContext);

        var teacher = Trainer(mlContext, config, config.TeacherSteps, config.Policy, stochasticDepth: 0, onlineThreshold: null, weightAverage: null);
        var student = Trainer(mlContext, config, config.StudentSteps, config.StudentPolicy, config.StudentStochasticDepth,
            config.OnlineThreshold, config.WeightAverage);
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
        using var model = mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, teacher, unlabeled, options).Fit(labeled);
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

    private static TorchImageClassifierTrainer Trainer(MLContext mlContext, SelfTrainConfig config, int steps,
        AugmentationPolicy policy, double stochasticDepth, double? onlineThreshold, double? weightAverage) =>
        mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, new TorchImageClassifierTrainer.Options
        {
            SoftLabelColumnName = config.SoftLabels ? "SoftLabel" : null,
            ExampleWeightColumnName = config.BalanceClasses ? DefaultColumnNames.Weight : null,     // carries the balancing multiplicities
            Network = new NetworkOptions { BaseWidth = config.Width, StochasticDepthRate = stochasticDepth },
            Optimization = new OptimizationOptions
            {
                NumberOfSteps = steps,
                LearningRate = config.LearningRate,
                WeightAverageDecay = weightAverage,
                Seed = config.Seed,
            },
            Augmentation = new AugmentationOptions
            {
                Policy = policy,
                AutoAugmentPolicy = config.AutoAugmentPolicy,
                MaximumRotationDegrees = config.RotationDegrees,
                ElasticAlpha = config.ElasticAlpha,
            },
            Student = new StudentOptions
            {
                NormalizeLoss = config.NormalizeLoss,
                PseudoLabelRatio = config.PseudoRatio,
                OnlineRelabelThreshold = onlineThreshold,
                MaskUnconfidentPseudoRows = onlineThreshold is not null && config.OnlineMask,
                RelabelWithWeightAverage = onlineThreshold is not null && weightAverage is not null && config.MeanTeacher,
            },
        });
}
