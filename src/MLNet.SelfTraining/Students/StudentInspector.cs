using Microsoft.ML;

namespace MLNet.SelfTraining.Students;

/// <summary>
/// Finds the trainer at the end of a pipeline and what it reads, through public API only: the public
/// <c>EstimatorChain&lt;T&gt;.LastEstimator</c> and <c>TrainerEstimatorBase&lt;,&gt;.WeightColumn</c> fields.
/// </summary>
internal static class StudentInspector
{
    /// <summary>The last estimator of <paramref name="pipeline"/>, looking inside nested chains.</summary>
    public static object LastEstimator(IEstimator<ITransformer> pipeline)
    {
        object current = pipeline;
        while (current.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Microsoft.ML.Data.EstimatorChain<>))
        {
            var last = type.GetField("LastEstimator")?.GetValue(current);
            if (last is null)
            {
                break;
            }

            current = last;
        }

        return current;
    }

    /// <summary>
    /// The example weight column the trainer reads: its name, <see langword="null"/> when it reads none, or
    /// <c>found: false</c> when the last estimator is not an ML.NET trainer.
    /// </summary>
    public static (bool Found, string? WeightColumn) WeightColumn(object estimator)
    {
        var field = estimator.GetType().GetField("WeightColumn");
        if (field?.GetValue(estimator) is not SchemaShape.Column column)
        {
            return (false, null);
        }

        return (true, string.IsNullOrEmpty(column.Name) ? null : column.Name);
    }
}
