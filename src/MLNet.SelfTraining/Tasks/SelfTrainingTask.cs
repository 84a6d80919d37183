using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Training;

namespace MLNet.SelfTraining.Tasks;

/// <summary>
/// A kind of prediction self-training can pseudo-label (per row, per instance, per pixel). The estimator holds one and
/// hands every fit to it; the task binds itself to the training data and runs the task-free orchestration
/// (<see cref="GuardedFit{TTarget}"/>, <see cref="SelfTrainingRun{TTarget}"/>) with its per-row pseudo target type.
/// </summary>
internal abstract class SelfTrainingTask
{
    /// <summary>Runs self-training on <paramref name="request"/>.</summary>
    public abstract SelfTrainingTransformer Fit(FitRequest request);
}

/// <summary>A task whose pseudo target of one unlabeled row is a <typeparamref name="TTarget"/>.</summary>
/// <typeparam name="TTarget">What a teacher predicts for one row: a class, a set of boxes, a mask.</typeparam>
internal abstract class SelfTrainingTask<TTarget> : SelfTrainingTask
{
    /// <inheritdoc/>
    public sealed override SelfTrainingTransformer Fit(FitRequest request)
        => new GuardedFit<TTarget>(request, options => Bind(request.Training.Schema, options)).Fit();

    /// <summary>Checks the label column(s) of <paramref name="training"/> and binds the task to one fit.</summary>
    /// <exception cref="ArgumentException">A label column is missing or has a type the task cannot read.</exception>
    protected abstract TaskBinding<TTarget> Bind(DataViewSchema training, SelfTrainingOptions options);
}

/// <summary>What one <see cref="SelfTrainingEstimator.Fit"/> works on.</summary>
internal sealed record FitRequest(
    MLContext MLContext,
    IChannel Log,
    SelfTrainingOptions Options,
    IEstimator<ITransformer> Teacher,
    IDataView Training,
    IDataView? Unlabeled);
