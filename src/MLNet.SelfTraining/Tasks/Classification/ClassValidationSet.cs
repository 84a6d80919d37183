using Microsoft.ML;
using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.Training;

namespace MLNet.SelfTraining.Tasks.Classification;

/// <summary>
/// Classification's validation rows: each row's class (score slot), and a model's accuracy, macro accuracy or
/// log-loss on them from its class probabilities (a row with NaN probabilities counts as wrong, with log-loss
/// −ln 1e−15).
/// </summary>
internal sealed class ClassValidationSet : ValidationSet
{
    private const double MinimumProbability = 1e-15;

    private readonly IDataView _rows;
    private readonly int[] _classes;
    private readonly int _classCount;
    private readonly Func<DataViewSchema, TeacherScores> _scores;

    /// <param name="rows">The validation rows, indexed (<see cref="ColumnPlan.IndexedView"/>) as <paramref name="classes"/> is.</param>
    /// <param name="classes">Per row index, the class (−1: not a validation row).</param>
    /// <param name="classCount">The number of classes.</param>
    /// <param name="scores">Finds the probability column in a model's output.</param>
    public ClassValidationSet(IDataView rows, int[] classes, int classCount, Func<DataViewSchema, TeacherScores> scores)
    {
        _rows = rows;
        _classes = classes;
        _classCount = classCount;
        _scores = scores;
    }

    public override double Measure(ITransformer model, ValidationMetric metric, CancellationToken cancellation)
    {
        var seen = new long[_classCount];
        var correct = new long[_classCount];
        double logLoss = 0;
        TeacherPass.Run(model, _rows, schema => [_scores(schema).Column], cursor =>
        {
            var read = _scores(cursor.Schema).MakeReader(cursor);
            var probabilities = new float[_classCount];
            return row =>
            {
                int label = _classes[row];
                seen[label]++;
                if (!read(probabilities))
                {
                    logLoss -= Math.Log(MinimumProbability);
                    return;
                }

                correct[label] += TeacherScores.ArgMax(probabilities).ClassIndex == label ? 1 : 0;
                logLoss -= Math.Log(Math.Max(probabilities[label], MinimumProbability));
            };
        }, cancellation);

        long total = seen.Sum();
        return metric switch
        {
            ValidationMetric.Accuracy => (double)correct.Sum() / total,
            ValidationMetric.MacroAccuracy => Enumerable.Range(0, _classCount).Where(c => seen[c] > 0).Average(c => (double)correct[c] / seen[c]),
            _ => logLoss / total,
        };
    }
}
