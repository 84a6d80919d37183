using Microsoft.ML;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MnistSelfTraining;

/// <summary>The paper's setting on digits: a TorchSharp CNN teacher, then a noised student on human + pseudo labels.</summary>
internal static class CnnWorkflow
{
    /// <param name="mlContext">The context.</param>
    /// <param name="labeled">Labeled images (key-typed "Label", "Features" pixels).</param>
    /// <param name="unlabeled">Unlabeled images.</param>
    /// <param name="test">Held-out labeled images the teacher and the student are evaluated on.</param>
    /// <param name="steps">Teacher steps.</param>
    /// <param name="recipe">The recipe.</param>
    /// <param name="network">The input images and network; <see langword="null"/> is 1×28×28 digits.</param>
    /// <param name="unlabeledAreLabeled">Whether the unlabeled rows keep their true "Label" (MNIST), to report pseudo-label accuracy.</param>
    public static void Run(MLContext mlContext, IDataView labeled, IDataView unlabeled, IDataView test, int steps, CnnRecipe recipe,
        NetworkOptions? network = null, bool unlabeledAreLabeled = true)
    {
        var fixMatch = recipe == CnnRecipe.FixMatch;
        var selfTraining = fixMatch
            ? ImageSelfTrainingRecipe.FixMatch(teacherSteps: steps, seed: 1, network: network)
            : ImageSelfTrainingRecipe.Paper(steps, seed: 1, network: network);
        if (unlabeledAreLabeled)
        {
            selfTraining.SelfTraining.DiagnosticLabelColumnName = "Label";   // report pseudo-label accuracy (never trained on)
        }

        var studentSteps = selfTraining.Student.Optimization.NumberOfSteps;
        using var model = LogProgress.Run(mlContext, $"Self-training a TorchSharp CNN ({recipe} recipe: {steps} teacher steps, {studentSteps} student steps)…",
            () => mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, unlabeled, selfTraining).Fit(labeled));
        Report.Rounds(model);
        Report.Metrics(fixMatch
                ? "TorchSharp CNN (FixMatch-style student: S2 + elastic, online labels ≥ 0.95 with the mask, plain loss)"
                : "TorchSharp CNN (S2 augmentation, hard pseudo labels > 0.9, loss normalization)",
            mlContext.MulticlassClassification.Evaluate(model.Teacher.Transform(test)),
            mlContext.MulticlassClassification.Evaluate(model.Transform(test)));
    }
}
