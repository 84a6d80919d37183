using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Classification;

namespace MnistSelfTraining;

/// <summary>The paper's setting on digits: a TorchSharp CNN teacher, then a noised student on human + pseudo labels.</summary>
internal static class CnnWorkflow
{
    public static void Run(MLContext mlContext, IDataView labeled, IDataView unlabeled, IDataView test, int steps)
    {
        // S2 (scale jitter + AutoAugment) for teacher and student: the best setting measured at k = 100 and k = 1000
        // (docs/benchmarks.md, Vision student). The student is a fresh network trained on human + pseudo labels with
        // the paper's loss normalization.
        var cnn = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, new TorchImageClassifierTrainer.Options
        {
            NumberOfSteps = steps,
            Augmentation = new AugmentationOptions { Policy = AugmentationPolicy.S2 },
            SoftLabelColumnName = null,
            Seed = 1,
        });
        var options = new SelfTrainingOptions
        {
            MaximumIterations = 1,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.9 },
            DiagnosticLabelColumnName = "Label",
        };
        using var model = LogProgress.Run(mlContext, $"Self-training a TorchSharp CNN ({steps} steps for the teacher and for the student)…",
            () => mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, cnn, unlabeled, options).Fit(labeled));
        Report.Rounds(model);
        Report.Metrics("TorchSharp CNN (S2 augmentation, hard pseudo labels > 0.9, loss normalization)",
            mlContext.MulticlassClassification.Evaluate(model.Teacher.Transform(test)),
            mlContext.MulticlassClassification.Evaluate(model.Transform(test)));
    }
}
