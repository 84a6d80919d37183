using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.PseudoLabeling;

namespace SelfTraining.Core;

/// <summary>One self-training run on an MNIST-10k split (the body of a child process).</summary>
internal static class MnistRun
{
    public static MnistResult Run(MnistConfig config)
    {
        var ml = new MLContext(seed: 1);
        var split = SplitChoice.Create(config.Split, config.Labeled);
        var labeled = split.LoadLabeled(ml);
        var test = split.LoadTest(ml);
        var unlabeled = split.Data.ToDataView(ml, split.Unlabeled); // true labels kept: diagnostics only
        var student = new RecordingEstimator(MnistTrainers.Create(ml, config.Trainer));
        var options = new SelfTrainingOptions
        {
            MaximumIterations = config.Iterations,
            DiagnosticLabelColumnName = "Label",
            ExampleWeightColumnName = MnistTrainers.WeightColumn,
            Weighting = config.Weighting,
            PseudoLabelWeight = config.Alpha,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = config.Threshold },
            Student = student,
            Validation = config.Validation(),
        };

        var clock = Stopwatch.StartNew();
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, MnistTrainers.Create(ml, config.Trainer), unlabeled, options).Fit(labeled);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var peak = PeakMemory.PeakRssMiB();

        double Accuracy(ITransformer m) => ml.MulticlassClassification.Evaluate(m.Transform(test)).MicroAccuracy;
        // Unguarded, the recorded students are the rounds' students in order; guarded, they include the validation runs'.
        bool perRound = config.Guard == "off";
        var rounds = model.Rounds.Select((r, i) => new MnistRoundResult(
            r.Round, r.Selected, r.PseudoLabeled, r.PseudoLabelAccuracy, r.MeanConfidence, r.PseudoLabelWeight,
            perRound ? Accuracy(student.Models[i]) : double.NaN, r.Elapsed.TotalSeconds, r.TeacherValidation?.Value, r.StudentValidation?.Value)).ToList();
        var validation = model.Validation;
        return new MnistResult(config.Trainer, config.Split, config.Labeled, split.Unlabeled.Count, config.Weighting.ToString(), config.Alpha,
            Accuracy(model.Teacher), Accuracy(model), model.StopReason.ToString(), fitSeconds, peak, rounds,
            config.GuardName, model.Verdict, validation?.BestRound, validation?.ConfidenceThreshold ?? config.Threshold,
            validation?.Teacher.Value, validation?.Best.Value);
    }
}
