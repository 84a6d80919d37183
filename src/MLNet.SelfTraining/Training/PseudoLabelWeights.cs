using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// The example weight of a round's pseudo-labeled rows (before each row's multiplicity): α for
/// <see cref="PseudoLabelWeighting.Fixed"/>, the example-weight form of the paper's loss normalization
/// α·(N_h/N_p)·(L̄_h/L̄_p) for <see cref="PseudoLabelWeighting.Normalized"/>, and 1 for students that normalize their
/// loss themselves. The teacher's mean losses on human and pseudo labels are measured either way (round records).
/// </summary>
internal static class PseudoLabelWeights
{
    private const double Epsilon = 1e-8;

    /// <summary>The teacher's mean loss on the human labels and on its own pseudo labels, and the pseudo rows' weight.</summary>
    public static (double HumanLoss, double PseudoLoss, double Weight) Compute<TTarget>(RunState<TTarget> state, ITransformer model,
        SelfTrainingOptions options, CancellationToken cancellation)
    {
        var task = state.Task;
        double humanLoss = 0;
        long humanRows = 0;
        TeacherPass.Run(model, ColumnPlan.IndexedView(state.Training, row => state.Labeled[row]), task.TeacherColumns, cursor =>
        {
            var lossOf = task.MakeHumanLossReader(cursor);
            return row =>
            {
                if (lossOf(row) is { } loss)
                {
                    humanLoss += loss;
                    humanRows++;
                }
            };
        }, cancellation);
        humanLoss = humanRows > 0 ? humanLoss / humanRows : double.NaN;     // NaN: the task cannot measure it (segmentation)

        double pseudoLoss = 0, pseudoMass = 0;
        var pool = state.Pool;
        for (int row = 0; row < pool.Count; row++)
        {
            if (pool.IsLabeled(row))
            {
                pseudoLoss += pool.Multiplicity[row] * task.PseudoLoss(pool.Target[row], pool.Confidence[row]);
                pseudoMass += pool.Multiplicity[row];
            }
        }

        pseudoLoss /= Math.Max(pseudoMass, Epsilon);
        double alpha = options.PseudoLabelWeight;
        double weight = (state.Plan.Student.Consumer is not null, options.Weighting) switch
        {
            (true, _) => 1.0,
            (false, PseudoLabelWeighting.Fixed) => alpha,
            _ => alpha * (state.LabeledCount / Math.Max(pseudoMass, Epsilon)) * (humanLoss / Math.Max(pseudoLoss, Epsilon)),
        };
        return (humanLoss, pseudoLoss, weight);
    }
}
