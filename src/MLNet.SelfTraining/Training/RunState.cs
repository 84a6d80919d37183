using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>The data and bookkeeping of a self-training run, shared by its rounds.</summary>
internal sealed record RunState(
    ColumnPlan Plan,
    IDataView Training,
    bool[] Labeled,
    long LabeledCount,
    int[] Classes,
    IDataView Unlabeled,
    UnlabeledPool Pool,
    int ClassCount,
    int[]? TrueClasses)
{
    public long PseudoLabeledCount => Pool.LabeledIteration.LongCount(i => i >= 0);

    public SelfTrainingRound Record(int round, ScoringOutcome scoring, double humanLoss, double pseudoLoss, double weight, TimeSpan elapsed, ITransformer? student)
    {
        var perClass = new long[ClassCount];
        long correct = 0;
        for (int row = 0; row < Pool.Count; row++)
        {
            if (Pool.IsLabeled(row))
            {
                perClass[Pool.PseudoClass[row]]++;
                correct += TrueClasses is not null && TrueClasses[row] == Pool.PseudoClass[row] ? 1 : 0;
            }
        }

        long total = perClass.Sum();
        return new SelfTrainingRound
        {
            Round = round,
            Scored = scoring.Scored,
            InvalidScores = scoring.InvalidScores,
            Selected = scoring.Selected,
            PseudoLabeled = total,
            PseudoLabeledPerClass = perClass,
            MeanConfidence = scoring.MeanConfidence,
            PseudoLabelAccuracy = TrueClasses is null || total == 0 ? null : (double)correct / total,
            HumanLoss = humanLoss,
            PseudoLoss = pseudoLoss,
            PseudoLabelWeight = weight,
            Elapsed = elapsed,
            Student = student,
        };
    }
}
