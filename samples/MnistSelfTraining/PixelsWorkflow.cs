using Microsoft.ML;
using MLNet.SelfTraining.SampleData;

namespace MnistSelfTraining;

/// <summary>An ordinary ML.NET trainer (L-BFGS maximum entropy on the 784 pixels) self-trained on MNIST.</summary>
internal static class PixelsWorkflow
{
    /// <returns>Test accuracy of the teacher (round 0) and of each round's student.</returns>
    public static double[] Run(MLContext mlContext, MnistSplit split, int rounds)
    {
        var labeled = split.LoadLabeled(mlContext);
        var unlabeled = split.Data.ToDataView(mlContext, split.Unlabeled);
        var test = split.LoadTest(mlContext);

        using var model = SelfTrainingProgressBar.Run("Self-training LbfgsMaximumEntropy on pixels",
            bar => MnistModel.RetrainModel(mlContext, labeled, unlabeled, rounds, bar));
        Report.Rounds(model);
        var teacher = MnistModel.Evaluate(mlContext, model.Teacher, test);
        var student = MnistModel.Evaluate(mlContext, model, test);
        Report.Metrics("pixels + LbfgsMaximumEntropy", teacher, student);
        Report.Calibration(teacher, student, StudentCalibration.Check(model, unlabeled, student));

        MnistModel.SaveModel(mlContext, model, labeled, MnistModel.MLNetModelPath);
        int index = split.Test[^1];
        Report.Prediction("The L-BFGS student", MnistModel.MLNetModelPath, "plain ML.NET (mlContext.Model.Load)",
            MnistModel.PredictAllLabels(Input(split, index)), index, $"{split.Data.GetLabel(index)}");
        Report.Figure("the L-BFGS pseudo labels' confidence per class", Plots.ConfidenceHistograms("MnistModel.pseudo-label-confidence.png",
            "L-BFGS, threshold 0.75", PseudoLabelConfidence.Of(model, unlabeled), LabelNames.Of(labeled), threshold: 0.75));
        return [teacher.Metrics.MicroAccuracy, .. model.Rounds.Select(r => mlContext.MulticlassClassification.Evaluate(r.Student!.Transform(test)).MicroAccuracy)];
    }

    /// <summary>A test image as the consumption code's input (pixels scaled to [0, 1]).</summary>
    public static MnistModel.ModelInput Input(MnistSplit split, int index)
        => new() { Features = split.Data.GetImage(index).ToArray().Select(b => b / 255f).ToArray() };
}
