using Microsoft.ML;
using MLNet.SelfTraining.Tasks;

namespace MLNet.SelfTraining.Training;

/// <summary>The data and bookkeeping of a self-training run, shared by its rounds.</summary>
internal sealed record RunState<TTarget>(
    TaskBinding<TTarget> Task,
    ColumnPlan<TTarget> Plan,
    IDataView Training,
    bool[] Labeled,
    long LabeledCount,
    IDataView Unlabeled,
    UnlabeledPool<TTarget> Pool,
    Func<int, TTarget, bool>? Agrees)
{
    public SelfTrainingRound Record(int round, ScoringOutcome scoring, double humanLoss, double pseudoLoss, double weight, TimeSpan elapsed, ITransformer? student)
    {
        var perClass = new long[Task.ClassCount];
        long total = 0, correct = 0;
        for (int row = 0; row < Pool.Count; row++)
        {
            if (Pool.IsLabeled(row))
            {
                total++;
                Task.CountClasses(Pool.Target[row], perClass);
                correct += Agrees is not null && Agrees(row, Pool.Target[row]) ? 1 : 0;
            }
        }

        return new SelfTrainingRound
        {
            Round = round,
            Scored = scoring.Scored,
            InvalidScores = scoring.InvalidScores,
            Selected = scoring.Selected,
            PseudoLabeled = total,
            PseudoLabeledPerClass = perClass,
            MeanConfidence = scoring.MeanConfidence,
            PseudoLabelAccuracy = Agrees is null || total == 0 ? null : (double)correct / total,
            HumanLoss = humanLoss,
            PseudoLoss = pseudoLoss,
            PseudoLabelWeight = weight,
            Elapsed = elapsed,
            Student = student,
        };
    }
}
