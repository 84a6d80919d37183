namespace MLNet.SelfTraining.Evaluation;

/// <summary>Accumulates the K×K confusion matrix of true and predicted masks, pixel by pixel (see <see cref="SegmentationMetrics"/>).</summary>
/// <param name="classNames">The K class names.</param>
/// <param name="labelColumnName">The true mask column, for messages.</param>
/// <param name="predictedColumnName">The predicted mask column, for messages.</param>
internal sealed class MaskConfusion(IReadOnlyList<string> classNames, string labelColumnName, string predictedColumnName)
{
    private readonly long[][] _confusion = classNames.Select(_ => new long[classNames.Count]).ToArray();
    private readonly long[] _truthTotals = new long[classNames.Count];

    /// <summary>Adds the pixels of one row.</summary>
    /// <exception cref="ArgumentException">A value is neither a class index nor <see cref="SegmentationMasks.Ignore"/>.</exception>
    public void Add(ReadOnlySpan<byte> truth, ReadOnlySpan<byte> predicted, long row)
    {
        int k = classNames.Count;
        for (int pixel = 0; pixel < truth.Length; pixel++)
        {
            byte t = truth[pixel], p = predicted[pixel];
            if (p >= k && p != SegmentationMasks.Ignore)
            {
                throw OutOfRange(predictedColumnName, p, row, pixel);
            }

            if (t == SegmentationMasks.Ignore)
            {
                continue;
            }

            if (t >= k)
            {
                throw OutOfRange(labelColumnName, t, row, pixel);
            }

            _truthTotals[t]++;
            if (p != SegmentationMasks.Ignore)
            {
                _confusion[t][p]++;
            }
        }
    }

    public SegmentationMetrics ToMetrics() => new(classNames, _confusion, _truthTotals);

    private ArgumentException OutOfRange(string column, byte value, long row, int pixel) => new(
        $"Mask column '{column}' was expected to hold class indices 0…{classNames.Count - 1} or {SegmentationMasks.Ignore} (ignore); got {value} at row {row}, pixel {pixel}.",
        "data");
}
