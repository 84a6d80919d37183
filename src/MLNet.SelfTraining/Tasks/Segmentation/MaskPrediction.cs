namespace MLNet.SelfTraining.Tasks.Segmentation;

/// <summary>A segmentation pseudo target: the pseudo mask of one unlabeled image and what the teacher's confidence says about it.</summary>
/// <param name="Mask">H×W classes, row-major; <see cref="SegmentationMasks.Ignore"/> where the teacher was not confident enough.</param>
/// <param name="SelectedPixels">The pseudo pixels: those of <paramref name="Mask"/> that are not <see cref="SegmentationMasks.Ignore"/>.</param>
/// <param name="PseudoLoss">The teacher's mean −log(confidence) over the pseudo pixels (0 when there are none).</param>
internal readonly record struct MaskPrediction(byte[] Mask, int SelectedPixels, double PseudoLoss);
