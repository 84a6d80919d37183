using System.Globalization;

namespace MLNet.SelfTraining.Training;

/// <summary>The one-line verdict of a guarded fit, and the validation scores as text.</summary>
internal static class GuardVerdict
{
    /// <summary>"self-training helped by +x on validation …" or "self-training did not help on validation …; the teacher is returned".</summary>
    public static string Of(SelfTrainingValidation validation, IReadOnlyList<ValidationScore> students)
    {
        var metric = validation.Metric;
        var refit = validation.Refit ? ", retrained on every labeled row" : "";
        var threshold = string.Format(CultureInfo.InvariantCulture, "threshold {0}", validation.ConfidenceThreshold);
        if (validation.Helped)
        {
            double gain = validation.Best.Value - validation.Teacher.Value;
            return $"self-training helped by {Delta(metric, gain)} on validation ({validation.Source}, {threshold}): teacher {Text(metric, validation.Teacher)}, student of round {validation.BestRound} {Text(metric, validation.Best)}; that student is returned{refit}.";
        }

        var bestStudent = students.Count == 0
            ? "no round trained a student"
            : $"best student {Text(metric, students.MaxBy(s => Better(metric, s.Value)))}";
        return $"self-training did not help on validation ({validation.Source}, {threshold}): teacher {Text(metric, validation.Teacher)}, {bestStudent}; the teacher is returned{refit}.";
    }

    /// <summary>A score as the user reads it: accuracies in percent, log-loss as is, "± spread" when cross-validated.</summary>
    public static string Text(ValidationMetric metric, ValidationScore score)
    {
        var c = CultureInfo.InvariantCulture;
        var spread = score.Spread > 0 ? (metric == ValidationMetric.LogLoss ? string.Format(c, " ± {0:F3}", score.Spread) : string.Format(c, " ± {0:F2}", 100 * score.Spread)) : "";
        return metric == ValidationMetric.LogLoss
            ? string.Format(c, "log-loss {0:F3}{1}", score.Value, spread)
            : string.Format(c, "{0} {1:F2}{2} %", metric == ValidationMetric.Accuracy ? "accuracy" : "macro accuracy", 100 * score.Value, spread);
    }

    /// <summary>A value oriented so that greater is better (log-loss negated).</summary>
    public static double Better(ValidationMetric metric, double value) => metric == ValidationMetric.LogLoss ? -value : value;

    private static string Delta(ValidationMetric metric, double gain) => metric == ValidationMetric.LogLoss
        ? string.Format(CultureInfo.InvariantCulture, "{0:F3} lower log-loss", -gain)
        : string.Format(CultureInfo.InvariantCulture, "{0:+0.00;-0.00} points", 100 * gain);
}
