namespace MLNet.SelfTraining.Students;

/// <summary>
/// Implemented by student trainers that consume pseudo-label information directly, instead of the example weights that
/// the self-training estimator gives plain ML.NET trainers.
/// </summary>
/// <remarks>
/// A consumer makes itself known by calling <see cref="StudentContext.Register"/> on <see cref="StudentContext.Current"/>
/// from its <c>GetOutputSchema</c>: the self-training estimator asks the student pipeline for its output schema inside a
/// context, so the consumer is found wherever it sits in the pipeline. It then adds to every student training row:
/// <list type="bullet">
/// <item><description><see cref="PseudoLabelFlagColumnName"/>: <see cref="bool"/>, <see langword="true"/> on pseudo-labeled rows.</description></item>
/// <item><description><see cref="SoftLabelColumnName"/> (when not <see langword="null"/>): a known-size vector of
/// <see cref="float"/> with one probability per class, in the order of the label's key values — the teacher's
/// probabilities on pseudo-labeled rows, one-hot on human-labeled rows.</description></item>
/// </list>
/// The consumer then applies its own loss normalization (Zoph et al. 2020) with α =
/// <see cref="StudentContext.PseudoLabelWeight"/>, stops on <see cref="StudentContext.CancellationToken"/>, and the
/// example weight column, if it reads one, carries only the class-balancing multiplicity of each row (1 for human rows).
/// A consumer fitted while <see cref="StudentContext.Current"/> is set whose input lacks
/// <see cref="PseudoLabelFlagColumnName"/> must throw rather than train as a plain supervised model.
/// </remarks>
public interface IPseudoLabelConsumer
{
    /// <summary>Name of the <see cref="bool"/> column that marks pseudo-labeled rows.</summary>
    string PseudoLabelFlagColumnName { get; }

    /// <summary>Name of the soft-target column (class probabilities), or <see langword="null"/> for hard labels only.</summary>
    string? SoftLabelColumnName { get; }

    /// <summary>
    /// The <see cref="float"/> example weight column the consumer reads, or <see langword="null"/> when it reads none;
    /// it receives each row's class-balancing multiplicity.
    /// </summary>
    string? ExampleWeightColumnName { get; }
}
