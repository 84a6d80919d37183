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
        // Teacher: S2 (scale jitter + AutoAugment) on the labeled digits. Student: the paper's noise — RandAugment with
        // large scale jitter (S4) and stochastic depth — on human + pseudo labels, with loss normalization.
        var teacher = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, new TorchImageClassifierTrainer.Options
        {
            NumberOfSteps = steps,
            Augmentation = new AugmentationOptions { Policy = AugmentationPolicy.S2 },
            Seed = 1,
        });
        var student = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, new TorchImageClassifierTrainer.Options
        {
            NumberOfSteps = steps,
            Augmentation = new AugmentationOptions { Policy = AugmentationPolicy.S4 },
            StochasticDepthRate = 0.2,
            SoftLabelColumnName = null,
            Seed = 1,
        });
        var options = new SelfTrainingOptions
        {
            MaximumIterations = 1,
            Student = student,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.9 },
            DiagnosticLabelColumnName = "Label",
        };
        var model = LogProgress.Run(mlContext, $"Self-training a TorchSharp CNN ({steps} steps for the teacher and for the student)…",
            () => mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, teacher, unlabeled, options).Fit(labeled));
        Report.Rounds(model);
        Report.Metrics("TorchSharp CNN (teacher S2; student S4 + stochastic depth, loss normalization)",
            mlContext.MulticlassClassification.Evaluate(model.Teacher.Transform(test)),
            mlContext.MulticlassClassification.Evaluate(model.Transform(test)));
    }
}
