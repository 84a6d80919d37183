using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.PseudoLabeling;

namespace SelfTraining.Core;

/// <summary>One self-training run on an MNIST-10k split (the body of a child process).</summary>
internal static class MnistRun
{
    public static MnistResult Run(string trainer, int labeledCount, PseudoLabelWeighting weighting, double alpha, int iterations, double threshold, string splitChoice)
    {
        var ml = new MLContext(seed: 1);
        var split = SplitChoice.Create(splitChoice, labeledCount);
        var labeled = split.LoadLabeled(ml);
        var test = split.LoadTest(ml);
        var unlabeled = split.Data.ToDataView(ml, split.Unlabeled); // true labels kept: diagnostics only
        var student = new RecordingEstimator(MnistTrainers.Create(ml, trainer));
        var options = new SelfTrainingOptions
        {
            MaximumIterations = iterations,
            DiagnosticLabelColumnName = "Label",
            ExampleWeightColumnName = MnistTrainers.WeightColumn,
            Weighting = weighting,
            PseudoLabelWeight = alpha,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = threshold },
            Student = student,
        };

        var clock = Stopwatch.StartNew();
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, MnistTrainers.Create(ml, trainer), unlabeled, options).Fit(labeled);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var peak = PeakMemory.PeakRssMiB();

        double Accuracy(ITransformer m) => ml.MulticlassClassification.Evaluate(m.Transform(test)).MicroAccuracy;
        var rounds = model.Rounds.Select((r, i) => new MnistRoundResult(
            r.Round, r.Selected, r.PseudoLabeled, r.PseudoLabelAccuracy, r.MeanConfidence, r.PseudoLabelWeight,
            Accuracy(student.Models[i]), r.Elapsed.TotalSeconds)).ToList();
        return new MnistResult(trainer, splitChoice, labeledCount, split.Unlabeled.Count, weighting.ToString(), alpha,
            Accuracy(model.Teacher), Accuracy(model), model.StopReason.ToString(), fitSeconds, peak, rounds);
    }
}
