using Microsoft.ML.Data;

namespace MnistSelfTraining;

/// <summary>A model's evaluation on labeled rows: ML.NET's metrics and, for calibration, each row's probabilities and class.</summary>
/// <param name="Metrics">ML.NET's multiclass metrics (accuracy, log-loss, confusion matrix).</param>
/// <param name="Scores">Per row, the class probabilities.</param>
/// <param name="Labels">Per row, the true class (score slot).</param>
public sealed record ModelEvaluation(MulticlassClassificationMetrics Metrics, float[][] Scores, int[] Labels)
{
    /// <summary>The expected calibration error (15 equal-width bins of top-class confidence).</summary>
    public double ExpectedCalibrationError { get; } = MnistSelfTraining.ExpectedCalibrationError.Of(Scores, Labels);
}
