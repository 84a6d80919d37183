namespace MnistSelfTraining;

/// <summary>
/// Temperature scaling (Guo et al. 2017): every probability vector p becomes softmax(ln p / T). T &gt; 1 softens an
/// overconfident model; the predicted class, and so accuracy, never changes.
/// </summary>
internal static class TemperatureScaling
{
    private const float Floor = 1e-15f;

    /// <summary>
    /// The temperature in [0.05, 20] that minimizes the mean cross-entropy of the scaled <paramref name="scores"/>
    /// against <paramref name="targets"/> (class probabilities per row; golden-section search on ln T).
    /// </summary>
    public static double Fit(IReadOnlyList<float[]> scores, IReadOnlyList<float[]> targets)
    {
        double low = Math.Log(0.05), high = Math.Log(20);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++)
        {
            double a = high - ratio * (high - low), b = low + ratio * (high - low);
            if (CrossEntropy(scores, targets, Math.Exp(a)) < CrossEntropy(scores, targets, Math.Exp(b)))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        return Math.Exp((low + high) / 2);
    }

    public static float[] Apply(float[] p, double temperature)
    {
        var logits = p.Select(x => Math.Log(Math.Max(x, Floor)) / temperature).ToArray();
        double max = logits.Max();
        var exp = logits.Select(x => Math.Exp(x - max)).ToArray();
        double sum = exp.Sum();
        return exp.Select(x => (float)(x / sum)).ToArray();
    }

    /// <summary>Mean −ln p of the true class, with ML.NET's floor of 1e-15 (the log-loss of its evaluator).</summary>
    public static double LogLoss(IReadOnlyList<float[]> scores, IReadOnlyList<int> labels)
        => Enumerable.Range(0, scores.Count).Average(row => -Math.Log(Math.Max(scores[row][labels[row]], Floor)));

    private static double CrossEntropy(IReadOnlyList<float[]> scores, IReadOnlyList<float[]> targets, double temperature)
    {
        double sum = 0;
        for (int row = 0; row < scores.Count; row++)
        {
            var q = Apply(scores[row], temperature);
            for (int c = 0; c < q.Length; c++)
            {
                sum -= targets[row][c] * Math.Log(Math.Max(q[c], Floor));
            }
        }

        return sum / scores.Count;
    }
}
