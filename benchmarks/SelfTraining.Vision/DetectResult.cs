using MLNet.SelfTraining.Evaluation;

namespace SelfTraining.Vision;

/// <summary>The measured outcome of one <see cref="SceneConfig"/> run (the same fields as benchmarks/python/vision/detect.py writes).</summary>
/// <param name="Implementation">Which stack ran.</param>
/// <param name="Config">The settings.</param>
/// <param name="Teacher">The teacher's test metrics.</param>
/// <param name="Student">The student's test metrics.</param>
/// <param name="PseudoBoxes">The teacher's pseudo boxes of the unlabeled scenes against their hidden true boxes.</param>
/// <param name="TeacherCached">Whether the teacher was loaded from the results folder's cache (its fit was timed by the run that trained it).</param>
/// <param name="TeacherFitSeconds">Fit time of the teacher.</param>
/// <param name="StudentFitSeconds">Fit time of the student (the student trainer's Fit inside self-training).</param>
/// <param name="SelfTrainingSeconds">Fit time of the self-training estimator (the teacher's scoring pass, pseudo boxes, student).</param>
/// <param name="TeacherTrainImagesPerSecond">Teacher steps × batch / teacher fit seconds.</param>
/// <param name="StudentTrainImagesPerSecond">Student steps × batch / student fit seconds; null when no student was trained (no pseudo box: the teacher stays the model).</param>
/// <param name="InferImagesPerSecond">Unlabeled scenes / seconds of the teacher's pass over them (predicted labels, scores and boxes read).</param>
/// <param name="PeakRssMiB">Peak RSS of the process.</param>
/// <param name="StartedUtc">Start time.</param>
internal sealed record DetectResult(
    string Implementation,
    SceneConfig Config,
    BoxScores Teacher,
    BoxScores Student,
    PseudoBoxSummary PseudoBoxes,
    bool TeacherCached,
    double TeacherFitSeconds,
    double StudentFitSeconds,
    double SelfTrainingSeconds,
    double TeacherTrainImagesPerSecond,
    double? StudentTrainImagesPerSecond,
    double InferImagesPerSecond,
    double PeakRssMiB,
    string StartedUtc);

/// <summary>Test metrics of a detector (<see cref="DetectionMetrics"/>, COCO's definitions); null where a metric is undefined (no true box in its range).</summary>
/// <param name="AveragePrecision">AP over IoU 0.50:0.05:0.95.</param>
/// <param name="AveragePrecision50">AP at IoU 0.5.</param>
/// <param name="AveragePrecision75">AP at IoU 0.75.</param>
/// <param name="AveragePrecisionSmall">AP of boxes under 32² pixels.</param>
/// <param name="AveragePrecisionMedium">AP of boxes of 32² to 96² pixels.</param>
/// <param name="AveragePrecisionLarge">AP of boxes over 96² pixels.</param>
/// <param name="AverageRecall100">AR with at most 100 detections per image.</param>
/// <param name="PerClassAveragePrecision">AP per class (digits 0…9).</param>
internal sealed record BoxScores(
    double? AveragePrecision,
    double? AveragePrecision50,
    double? AveragePrecision75,
    double? AveragePrecisionSmall,
    double? AveragePrecisionMedium,
    double? AveragePrecisionLarge,
    double? AverageRecall100,
    IReadOnlyList<double?> PerClassAveragePrecision)
{
    public static BoxScores Of(DetectionMetrics metrics) => new(
        Defined(metrics.AveragePrecision), Defined(metrics.AveragePrecision50), Defined(metrics.AveragePrecision75),
        Defined(metrics.AveragePrecisionSmall), Defined(metrics.AveragePrecisionMedium), Defined(metrics.AveragePrecisionLarge),
        Defined(metrics.AverageRecall100), [.. metrics.PerClassAveragePrecision.Select(Defined)]);

    private static double? Defined(double value) => double.IsNaN(value) ? null : value;
}

/// <summary>The teacher's pseudo boxes of the unlabeled scenes (the core's rule at the run's score threshold).</summary>
/// <param name="Images">Unlabeled scenes.</param>
/// <param name="InvalidImages">Scenes whose teacher output had a non-finite score or coordinate (not pseudo rows).</param>
/// <param name="PseudoImages">Valid scenes with at least one pseudo box.</param>
/// <param name="Boxes">Pseudo boxes.</param>
/// <param name="TrueBoxes">True boxes of the valid scenes.</param>
/// <param name="Precision">Pseudo boxes matching a true box of their class at IoU ≥ 0.5 (greedy in score order) / pseudo boxes.</param>
/// <param name="Recall">Matched true boxes / true boxes.</param>
internal sealed record PseudoBoxSummary(long Images, long InvalidImages, long PseudoImages, long Boxes, long TrueBoxes, double Precision, double Recall);
