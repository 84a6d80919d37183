using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MnistSelfTraining;

/// <summary>The paper's setting on digits: a TorchSharp CNN teacher, then a noised student on human + pseudo labels.</summary>
internal static class CnnWorkflow
{
    public static void Run(MLContext mlContext, IDataView labeled, IDataView unlabeled, IDataView test, int steps, CnnRecipe recipe)
    {
        var fixMatch = recipe == CnnRecipe.FixMatch;
        var studentSteps = fixMatch ? 8 * steps : steps;
        var teacher = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, Options(steps, recipe));
        var student = Options(studentSteps, recipe);
        if (fixMatch)
        {
            student.Student.PseudoLabelRatio = 3;
            student.Student.OnlineRelabelThreshold = 0.95;
            student.Student.MaskUnconfidentPseudoRows = true;
            student.Student.NormalizeLoss = false;
            student.Optimization.WeightAverageDecay = 0.999;
        }

        var options = new SelfTrainingOptions
        {
            MaximumIterations = 1,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = fixMatch ? 0 : 0.9 },
            DiagnosticLabelColumnName = "Label",
            Student = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, student),
        };
        using var model = LogProgress.Run(mlContext, $"Self-training a TorchSharp CNN ({recipe} recipe: {steps} teacher steps, {studentSteps} student steps)…",
            () => mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, teacher, unlabeled, options).Fit(labeled));
        Report.Rounds(model);
        Report.Metrics(fixMatch
                ? "TorchSharp CNN (FixMatch-style student: S2 + elastic, online labels ≥ 0.95 with the mask, plain loss)"
                : "TorchSharp CNN (S2 augmentation, hard pseudo labels > 0.9, loss normalization)",
            mlContext.MulticlassClassification.Evaluate(model.Teacher.Transform(test)),
            mlContext.MulticlassClassification.Evaluate(model.Transform(test)));
    }

    // S2 (scale jitter + AutoAugment) for teacher and student: the best paper policy measured at k = 100 and k = 1000;
    // the FixMatch recipe adds elastic distortion (α = 16 pixels), the strong augmentation digits need.
    private static TorchImageClassifierTrainer.Options Options(int steps, CnnRecipe recipe) => new()
    {
        SoftLabelColumnName = null,
        Optimization = new OptimizationOptions { NumberOfSteps = steps, Seed = 1 },
        Augmentation = new AugmentationOptions { Policy = AugmentationPolicy.S2, ElasticAlpha = recipe == CnnRecipe.FixMatch ? 16 : 0 },
    };
}
