using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// Where a round's teacher scores the unlabeled rows: in this process (<see cref="InProcessScoring{TTarget}"/>) or in shards
/// (<see cref="ShardedScoring"/>). Either way the rows reach the scoring pass's visitor in row order, with their index.
/// </summary>
internal interface ITeacherScoring : IDisposable
{
    /// <summary>Scores the unlabeled rows <paramref name="keepRow"/> keeps with <paramref name="model"/> and visits each.</summary>
    /// <param name="model">The round's teacher.</param>
    /// <param name="round">The round (1-based).</param>
    /// <param name="keepRow">Which unlabeled rows (by index) are scored.</param>
    /// <param name="columns">The output columns the visitor reads.</param>
    /// <param name="makeVisitor">Makes the per-row visitor over the scored cursor.</param>
    /// <param name="cancellation">Stops scoring.</param>
    void Score(ITransformer model, int round, Func<long, bool> keepRow, Func<DataViewSchema, IEnumerable<DataViewSchema.Column>> columns,
        Func<DataViewRow, Action<long>> makeVisitor, CancellationToken cancellation);
}
