using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tasks;

/// <summary>
/// The <see cref="SelfTrainingOptions"/> that select rows by class probability (<see cref="SelfTrainingOptions.ScoreColumnName"/>,
/// <see cref="SelfTrainingOptions.Selection"/>): only classification reads them, so a dense task refuses them unless
/// left at their defaults.
/// </summary>
internal static class ClassificationOnlyOptions
{
    /// <summary>Throws when <paramref name="options"/> set an option only classification reads.</summary>
    /// <param name="options">The options.</param>
    /// <param name="task">The task's name, e.g. "segmentation".</param>
    /// <param name="outputColumns">The options naming the task's teacher output columns, for the message.</param>
    /// <param name="rule">What the task keeps instead of rows, e.g. "keeps pixels by confidence".</param>
    /// <param name="threshold">The option holding the task's threshold, for the message.</param>
    /// <exception cref="ArgumentException">An option does not apply to the task.</exception>
    public static void Refuse(SelfTrainingOptions options, string task, string outputColumns, string rule, string threshold)
    {
        if (options.ScoreColumnName is { } score)
        {
            throw new ArgumentException(
                $"{nameof(SelfTrainingOptions.ScoreColumnName)} names a classifier's probability column and does not apply to {task}; leave it null and set {outputColumns}; got '{score}'.",
                nameof(SelfTrainingOptions.ScoreColumnName));
        }

        if (options.Selection is not { } selection || !IsDefault(selection))
        {
            throw new ArgumentException(
                $"{nameof(SelfTrainingOptions.Selection)} selects rows by class probability and does not apply to {task}, which {rule}: leave it at its default and set {threshold} instead; got {Describe(options.Selection)}.",
                nameof(SelfTrainingOptions.Selection));
        }
    }

    private static bool IsDefault(PseudoLabelOptions selection)
    {
        var defaults = new PseudoLabelOptions();
        return selection.ConfidenceThreshold == defaults.ConfidenceThreshold && selection.ClassThresholds is null && selection.MaximumPerClass is null
            && selection.MaximumSelected is null && !selection.BalanceClasses && selection.SamplesPerClass is null;
    }

    private static string Describe(PseudoLabelOptions? selection) => selection is null
        ? "null"
        : $"{nameof(PseudoLabelOptions.ConfidenceThreshold)}={selection.ConfidenceThreshold}, {nameof(PseudoLabelOptions.ClassThresholds)}={(selection.ClassThresholds is null ? "null" : "set")}, {nameof(PseudoLabelOptions.MaximumPerClass)}={selection.MaximumPerClass?.ToString() ?? "null"}, {nameof(PseudoLabelOptions.MaximumSelected)}={selection.MaximumSelected?.ToString() ?? "null"}, {nameof(PseudoLabelOptions.BalanceClasses)}={selection.BalanceClasses}, {nameof(PseudoLabelOptions.SamplesPerClass)}={selection.SamplesPerClass?.ToString() ?? "null"}";
}
