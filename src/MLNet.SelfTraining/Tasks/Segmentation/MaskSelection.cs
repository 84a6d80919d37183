namespace MLNet.SelfTraining.Tasks.Segmentation;

/// <summary>
/// The row rule of segmentation: the pixel threshold was applied when the pseudo mask was built
/// (<see cref="PseudoMaskRule"/>), so an image is a pseudo row when it kept at least one pixel, with multiplicity 1
/// (the student averages its loss over the pseudo pixels); an image with none is not a pseudo row.
/// </summary>
internal sealed class MaskSelection : IPseudoLabelSelection<MaskPrediction>
{
    public bool Observe(in MaskPrediction target, float confidence) => target.SelectedPixels > 0;

    public void Finish()
    {
        // Every image is decided on its own: there is no cap or balance to apply once the pass is over.
    }

    public float Multiplicity(in MaskPrediction target, float confidence) => target.SelectedPixels > 0 ? 1f : 0f;
}
