namespace MnistSelfTraining;

/// <summary>
/// Expected calibration error (Guo et al. 2017): rows are put in 15 equal-width bins of their top-class confidence, and
/// the gaps between each bin's accuracy and its mean confidence are averaged, weighted by the bin's share of the rows.
/// 0 is perfectly calibrated; an overconfident model's confidence exceeds its accuracy.
/// </summary>
internal static class ExpectedCalibrationError
{
    public const int Bins = 15;

    /// <param name="scores">Per row, the class probabilities.</param>
    /// <param name="labels">Per row, the true class (score slot).</param>
    public static double Of(IReadOnlyList<float[]> scores, IReadOnlyList<int> labels)
    {
        var count = new int[Bins];
        var correct = new int[Bins];
        var confidence = new double[Bins];
        for (int row = 0; row < scores.Count; row++)
        {
            var p = scores[row];
            int top = Array.IndexOf(p, p.Max());
            int bin = Math.Min(Bins - 1, (int)(p[top] * Bins));
            count[bin]++;
            correct[bin] += top == labels[row] ? 1 : 0;
            confidence[bin] += p[top];
        }

        double error = 0;
        for (int bin = 0; bin < Bins; bin++)
        {
            if (count[bin] > 0)
            {
                error += Math.Abs(((double)correct[bin] - confidence[bin]) / count[bin]) * count[bin] / scores.Count;
            }
        }

        return error;
    }
}
