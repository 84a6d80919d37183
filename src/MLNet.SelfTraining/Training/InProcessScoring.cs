using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>The teacher scores the unlabeled rows in this process, in one streaming pass.</summary>
internal sealed class InProcessScoring<TTarget>(ColumnPlan<TTarget> plan, IDataView unlabeled) : ITeacherScoring
{
    public void Score(ITransformer model, int round, Func<long, bool> keepRow, Func<DataViewSchema, IEnumerable<DataViewSchema.Column>> columns,
        Func<DataViewRow, Action<long>> makeVisitor, CancellationToken cancellation)
        => TeacherPass.Run(model, plan.ScoringView(unlabeled, keepRow), columns, makeVisitor, cancellation);

    public void Dispose()
    {
    }
}
