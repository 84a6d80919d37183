namespace MLNet.SelfTraining.Tasks.Detection;

/// <summary>
/// The row rule of detection: the score threshold and suppression were applied when the pseudo boxes were built
/// (<see cref="PseudoBoxRule"/>), so every valid image is a pseudo row of multiplicity 1, with or without pseudo boxes
/// (an image with none teaches the student that it holds no object). When the whole pass yields no pseudo box, nothing
/// is selected: a student would learn only that there is no object anywhere.
/// </summary>
internal sealed class BoxSelection : IPseudoLabelSelection<BoxPrediction>
{
    private long _boxes;

    public bool Observe(in BoxPrediction target, float confidence)
    {
        _boxes += target.Count;
        return true;
    }

    public void Finish()
    {
        // The pass's box count, summed by Observe, decides every row at once.
    }

    public float Multiplicity(in BoxPrediction target, float confidence) => _boxes > 0 ? 1f : 0f;
}
