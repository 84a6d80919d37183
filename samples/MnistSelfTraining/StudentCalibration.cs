using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;

namespace MnistSelfTraining;

/// <summary>
/// The remedy this sample checks for a student left overconfident by hard pseudo labels: temperature scaling with T
/// fitted on the unlabeled images, so that the student's probabilities match its teacher's there (the soft targets it
/// did not train on); no labels are spent. With a labeled validation set, fit T on it instead.
/// </summary>
internal static class StudentCalibration
{
    /// <param name="model">The self-training result.</param>
    /// <param name="unlabeled">The unlabeled data of the run.</param>
    /// <param name="student">The student's evaluation on the test rows.</param>
    /// <returns>T, and the student's test log-loss and expected calibration error with T applied (its accuracy does not change).</returns>
    public static (double Temperature, double LogLoss, double ExpectedCalibrationError) Check(SelfTrainingTransformer model, IDataView unlabeled, ModelEvaluation student)
    {
        var teacherScores = model.Teacher.Transform(unlabeled).GetColumn<float[]>("Score").ToArray();
        var studentScores = model.Transform(unlabeled).GetColumn<float[]>("Score").ToArray();
        var temperature = TemperatureScaling.Fit(studentScores, teacherScores);
        var scaled = student.Scores.Select(s => TemperatureScaling.Apply(s, temperature)).ToArray();
        return (temperature, TemperatureScaling.LogLoss(scaled, student.Labels), ExpectedCalibrationError.Of(scaled, student.Labels));
    }
}
