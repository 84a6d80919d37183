namespace SelfTraining.Vision;

/// <summary>The measured outcome of one <see cref="SceneConfig"/> run (the same fields as benchmarks/python/vision/segment.py writes).</summary>
/// <param name="Implementation">Which stack ran.</param>
/// <param name="Config">The settings.</param>
/// <param name="Teacher">The teacher's test metrics.</param>
/// <param name="Student">The student's test metrics.</param>
/// <param name="PseudoMasks">The teacher's pseudo masks of the unlabeled scenes against their hidden true masks.</param>
/// <param name="TeacherCached">Whether the teacher was loaded from the results folder's cache (its fit was timed by the run that trained it).</param>
/// <param name="TeacherFitSeconds">Fit time of the teacher.</param>
/// <param name="StudentFitSeconds">Fit time of the student (the student trainer's Fit inside self-training).</param>
/// <param name="SelfTrainingSeconds">Fit time of the self-training estimator (the teacher's scoring pass, pseudo masks, student).</param>
/// <param name="TeacherTrainImagesPerSecond">Teacher steps × batch / teacher fit seconds.</param>
/// <param name="StudentTrainImagesPerSecond">Student steps × batch / student fit seconds; null when no student was trained (no pseudo pixel: the teacher stays the model).</param>
/// <param name="InferImagesPerSecond">Unlabeled scenes / seconds of the teacher's pass over them (predicted mask and confidence read).</param>
/// <param name="PeakRssMiB">Peak RSS of the process.</param>
/// <param name="StartedUtc">Start time.</param>
internal sealed record SegmentResult(
    string Implementation,
    SceneConfig Config,
    MaskScores Teacher,
    MaskScores Student,
    PseudoMaskSummary PseudoMasks,
    bool TeacherCached,
    double TeacherFitSeconds,
    double StudentFitSeconds,
    double SelfTrainingSeconds,
    double TeacherTrainImagesPerSecond,
    double? StudentTrainImagesPerSecond,
    double InferImagesPerSecond,
    double PeakRssMiB,
    string StartedUtc);

/// <summary>Test metrics of a segmenter (<c>SegmentationMetrics</c>).</summary>
/// <param name="MeanIoU">PASCAL mIoU.</param>
/// <param name="PerClassIoU">IoU per class (background, 0…9); null for a class absent from truth and prediction.</param>
/// <param name="PixelAccuracy">Share of valid pixels predicted right.</param>
internal sealed record MaskScores(double MeanIoU, IReadOnlyList<double?> PerClassIoU, double PixelAccuracy);

/// <summary>The teacher's pseudo masks of the unlabeled scenes.</summary>
/// <param name="Images">Unlabeled scenes.</param>
/// <param name="PseudoImages">Scenes with at least one pseudo pixel (the student's pseudo rows).</param>
/// <param name="SelectedPixelShare">Pseudo pixels / all pixels of the unlabeled scenes.</param>
/// <param name="PseudoPixelAccuracy">Pseudo pixels of the true class / pseudo pixels whose true mask is not 255.</param>
internal sealed record PseudoMaskSummary(long Images, long PseudoImages, double SelectedPixelShare, double PseudoPixelAccuracy);
