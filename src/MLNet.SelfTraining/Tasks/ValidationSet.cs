using Microsoft.ML;

namespace MLNet.SelfTraining.Tasks;

/// <summary>
/// Labeled rows bound to one run's teacher for the validation guard: measures a model of that run on them. A task
/// supplies it through <see cref="TaskBinding{TTarget}.BindValidation"/>.
/// </summary>
internal abstract class ValidationSet
{
    /// <summary>The value of <paramref name="metric"/> for <paramref name="model"/> on the rows (its own direction: log-loss lower is better).</summary>
    public abstract double Measure(ITransformer model, ValidationMetric metric, CancellationToken cancellation);
}
