using Microsoft.ML;
using MLNet.SelfTraining.Vision.Models;

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
    /// <returns>Test accuracy of the teacher (round 0) and of each round's student.</returns>
    public static double[] Run(MLContext mlContext, IDataView labeled, IDataView unlabeled, IDataView test, int steps, CnnRecipe recipe,
        NetworkOptions? network = null, bool unlabeledAreLabeled = true)
    {
        var selfTraining = MnistCnnModel.BuildRecipe(steps, recipe, network);
        if (unlabeledAreLabeled)
        {
            selfTraining.SelfTraining.DiagnosticLabelColumnName = "Label";   // report pseudo-label accuracy (never trained on)
        }

        var studentSteps = selfTraining.Student.Optimization.NumberOfSteps;
        using var model = SelfTrainingProgressBar.Run($"Self-training a TorchSharp CNN ({recipe} recipe: {steps} teacher steps, {studentSteps} student steps)", bar =>
        {
            selfTraining.SelfTraining.Progress = bar;   // stages, rows scored, student steps
            selfTraining.Teacher.Progress = bar;        // the teacher's steps (it trains before any round) and losses
            selfTraining.Student.Progress = bar;        // the student's losses
            return MnistCnnModel.RetrainModel(mlContext, labeled, unlabeled, selfTraining);
        });
        Report.Rounds(model);
        var teacher = MnistModel.Evaluate(mlContext, model.Teacher, test);
        var student = MnistModel.Evaluate(mlContext, model, test);
        Report.Metrics(recipe == CnnRecipe.FixMatch
                ? "TorchSharp CNN (FixMatch-style student: S2 + elastic, online labels ≥ 0.95 with the mask, plain loss)"
                : "TorchSharp CNN (S2 augmentation, hard pseudo labels > 0.9, loss normalization)",
            teacher, student);
        Report.Calibration(teacher, student, StudentCalibration.Check(model, unlabeled, student));

        MnistCnnModel.SaveModel(model, MnistCnnModel.ModelPath);
        MnistCnnModel.SaveMLNetModel(mlContext, model, test);
        var threshold = selfTraining.SelfTraining.Selection.ConfidenceThreshold;
        Report.Figure("the CNN pseudo labels' confidence per class", Plots.ConfidenceHistograms("MnistCnnModel.pseudo-label-confidence.png",
            $"CNN, threshold {threshold}", PseudoLabelConfidence.Of(model, unlabeled), LabelNames.Of(labeled), threshold));
        return [teacher.Metrics.MicroAccuracy, .. model.Rounds.Select(r => mlContext.MulticlassClassification.Evaluate(r.Student!.Transform(test)).MicroAccuracy)];
    }
}
