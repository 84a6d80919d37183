using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// The guarded rounds of one confidence threshold: its runs (one per split, rounds in step), the validation score of
/// the teacher and of each round's student, the best round and why the rounds stopped.
/// </summary>
/// <typeparam name="TTarget">The pseudo target of one row.</typeparam>
internal sealed class ValidationCurve<TTarget>(double threshold, IReadOnlyList<SelfTrainingRun<TTarget>> runs, ValidationScore teacher)
{
    public double Threshold { get; } = threshold;

    public IReadOnlyList<SelfTrainingRun<TTarget>> Runs { get; } = runs;

    public ValidationScore Teacher { get; } = teacher;

    /// <summary>Per round (index round − 1), the student's score.</summary>
    public List<ValidationScore> Students { get; } = [];

    public int BestRound { get; set; }

    public SelfTrainingStopReason Stop { get; set; }

    public ValidationScore Best => BestRound == 0 ? Teacher : Students[BestRound - 1];

    /// <summary>The score of the model round <paramref name="round"/> started from (round 1: the teacher).</summary>
    public ValidationScore Before(int round) => round == 1 ? Teacher : Students[round - 2];

    /// <summary>The first run's rounds with the scores of their teacher and student.</summary>
    public IReadOnlyList<SelfTrainingRound> Annotate(IReadOnlyList<SelfTrainingRound> rounds)
        => rounds.Select(r => r.Round <= Students.Count ? r with { TeacherValidation = Before(r.Round), StudentValidation = Students[r.Round - 1] } : r).ToList();

    /// <summary>Disposes every model of the runs but <paramref name="keep"/> and deletes their spilled rows.</summary>
    public void Release(IEnumerable<ITransformer?> keep)
    {
        var kept = keep.OfType<ITransformer>().ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var run in Runs)
        {
            foreach (var model in run.Models.Where(m => !kept.Contains(m)).OfType<IDisposable>())
            {
                model.Dispose();
            }

            run.Dispose();
        }
    }
}
