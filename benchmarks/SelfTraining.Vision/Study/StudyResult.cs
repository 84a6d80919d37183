using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision.Study;

/// <summary>The measured outcome of one <see cref="StudyRun"/> (<c>ID.json</c> in the study's folder).</summary>
/// <param name="RunId">The run id.</param>
/// <param name="Kind"><c>pretrain</c> or <c>arm</c>.</param>
/// <param name="Task">The task of an arm (<c>detect</c>, <c>segment</c>).</param>
/// <param name="Policy">The augmentation policy of an arm.</param>
/// <param name="Labeled">The labeled scenes of an arm.</param>
/// <param name="Seed">The trainer seed.</param>
/// <param name="Arm">The arm's name (<see cref="StudyArm.Name"/>).</param>
/// <param name="Init">The pre-training's method, or the arm's initial backbone.</param>
/// <param name="SelfTraining">The self-training's unlabeled images: <c>none</c>, <c>objects</c> or <c>scenes</c>.</param>
/// <param name="Steps">Optimizer steps (of the pre-training, or of the arm's network).</param>
/// <param name="Metric">The test metric of an arm: <c>AP</c> (detection, AP@[.50:.05:.95]) or <c>mIoU</c> (segmentation).</param>
/// <param name="Value">The metric's value on the test scenes (0–1).</param>
/// <param name="AveragePrecision50">AP at IoU 0.5 (detection).</param>
/// <param name="PseudoLabels">The teacher's pseudo labels of the unlabeled images, against their hidden truth (self-training arms).</param>
/// <param name="StudentTrained">Whether a student was trained (false when the teacher produced no pseudo label and stays the model).</param>
/// <param name="Seconds">Wall time of the whole run (images, training, evaluation, saving).</param>
/// <param name="PeakRssMiB">Peak RSS of the run's process.</param>
/// <param name="StartedUtc">Start time.</param>
/// <param name="Quick">Whether the run is a smoke run (<c>--quick</c>).</param>
internal sealed record StudyResult(
    string RunId,
    string Kind,
    string? Task,
    AugmentationPolicy? Policy,
    int? Labeled,
    int Seed,
    string? Arm,
    string Init,
    string SelfTraining,
    int Steps,
    string? Metric,
    double? Value,
    double? AveragePrecision50,
    StudyPseudoLabels? PseudoLabels,
    bool? StudentTrained,
    double Seconds,
    double PeakRssMiB,
    string StartedUtc,
    bool Quick)
{
    /// <summary>The arm's cell.</summary>
    public StudyCell Cell() => new(Policy ?? throw new InvalidOperationException($"{RunId} is not an arm."), Labeled!.Value);
}

/// <summary>A teacher's pseudo labels of the unlabeled images: boxes (detection) or masks (segmentation).</summary>
/// <param name="Boxes">Pseudo boxes against the hidden true boxes (<see cref="PseudoBoxPass"/>).</param>
/// <param name="Masks">Pseudo pixels against the hidden true masks (<see cref="PseudoMaskPass"/>).</param>
internal sealed record StudyPseudoLabels(PseudoBoxSummary? Boxes, PseudoMaskSummary? Masks);
