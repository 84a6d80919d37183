namespace MLNet.SelfTraining.Tasks.Segmentation;

/// <summary>
/// The paper's pixel rule: a pixel keeps the teacher's predicted class when the teacher's confidence is at least the
/// threshold (inclusive; NaN never passes), and is <see cref="SegmentationMasks.Ignore"/> otherwise.
/// </summary>
/// <param name="threshold">The pixel confidence threshold.</param>
/// <param name="classCount">K: predicted classes must be 0…K−1 (or <see cref="SegmentationMasks.Ignore"/>, never kept).</param>
/// <param name="predictedColumnName">The teacher's predicted mask column, for messages.</param>
internal sealed class PseudoMaskRule(float threshold, int classCount, string predictedColumnName)
{
    private const double MinimumProbability = 1e-15;

    /// <summary>
    /// Writes the pseudo mask of one row into <paramref name="pseudo"/>. The row's confidence is the mean confidence of its
    /// pseudo pixels (0 when there are none). Returns <see langword="false"/> when every confidence is NaN (an invalid row).
    /// </summary>
    /// <param name="predicted">The teacher's class per pixel.</param>
    /// <param name="confidence">The teacher's probability of each pixel's class.</param>
    /// <param name="pseudo">The pseudo mask to fill (as long as <paramref name="predicted"/>).</param>
    /// <param name="row">The unlabeled row, for messages.</param>
    /// <param name="target">The pseudo target (its mask is <paramref name="pseudo"/>).</param>
    /// <param name="rowConfidence">The row's confidence.</param>
    /// <exception cref="InvalidOperationException">The teacher predicted a class outside 0…K−1 other than 255.</exception>
    public bool TryBuild(ReadOnlySpan<byte> predicted, ReadOnlySpan<float> confidence, byte[] pseudo, long row, out MaskPrediction target, out float rowConfidence)
    {
        int selected = 0;
        bool anyConfidence = false;
        double confidenceSum = 0, lossSum = 0;
        for (int pixel = 0; pixel < predicted.Length; pixel++)
        {
            byte predictedClass = predicted[pixel];
            float p = confidence[pixel];
            if (predictedClass >= classCount && predictedClass != SegmentationMasks.Ignore)
            {
                throw new InvalidOperationException(
                    $"The teacher's predicted mask column '{predictedColumnName}' was expected to hold classes 0…{classCount - 1} or {SegmentationMasks.Ignore}; got {predictedClass} at pixel {pixel} of unlabeled row {row}.");
            }

            anyConfidence |= !float.IsNaN(p);
            if (predictedClass != SegmentationMasks.Ignore && p >= threshold)
            {
                pseudo[pixel] = predictedClass;
                selected++;
                confidenceSum += p;
                lossSum -= Math.Log(Math.Max(p, MinimumProbability));
            }
            else
            {
                pseudo[pixel] = SegmentationMasks.Ignore;
            }
        }

        if (!anyConfidence)
        {
            (target, rowConfidence) = (default, float.NaN);
            return false;
        }

        target = new MaskPrediction(pseudo, selected, selected == 0 ? 0 : lossSum / selected);
        rowConfidence = selected == 0 ? 0f : (float)(confidenceSum / selected);
        return true;
    }
}
