using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// A round's scoring: the teacher predicts the unlabeled rows in one streaming pass, the task's selection observes each
/// prediction (the confidence test happens there, once), and the pool records the rows it selects with their
/// multiplicity (and forgets re-scored rows that no longer pass).
/// </summary>
internal static class ScoringPass
{
    /// <summary>Scores, selects and records; returns what the pass found.</summary>
    /// <param name="state">The run's data and pool.</param>
    /// <param name="scoring">Where the teacher scores the rows: in this process or in shards.</param>
    /// <param name="model">The round's teacher.</param>
    /// <param name="round">The round (1-based), recorded for newly labeled rows.</param>
    /// <param name="rescore">Whether rows pseudo-labeled in earlier rounds are scored again.</param>
    /// <param name="progress">Receives the rows scored of the rows to score (<see cref="SelfTrainingStage.Scoring"/>).</param>
    /// <param name="cancellation">Stops the pass.</param>
    public static ScoringOutcome Run<TTarget>(RunState<TTarget> state, ITeacherScoring scoring, ITransformer model, int round, bool rescore, RunProgress progress, CancellationToken cancellation)
    {
        var (task, pool) = (state.Task, state.Pool);
        var selection = task.StartSelection();
        var candidates = new List<(int Row, TTarget Target, float Confidence)>();
        var previouslyLabeled = new List<int>();
        long scored = 0, invalid = 0, seen = 0;
        long toScore = rescore ? pool.Count : pool.Count - pool.PseudoLabeledCount;
        progress.Report(SelfTrainingStage.Scoring, 0, toScore);
        scoring.Score(model, round, row => rescore || !pool.IsLabeled(row), task.TeacherColumns, cursor =>
        {
            var read = task.MakeTeacherReader(cursor);
            return row =>
            {
                if (++seen % RunProgress.ScoringInterval == 0)
                {
                    progress.Report(SelfTrainingStage.Scoring, seen, toScore);
                }

                if (!read(out var target, out var confidence))
                {
                    invalid++;
                    return;
                }

                scored++;
                if (selection.Observe(target, confidence))
                {
                    candidates.Add(((int)row, task.Keep(target), confidence));
                }
                else if (pool.IsLabeled(row))
                {
                    previouslyLabeled.Add((int)row);
                }
            };
        }, cancellation);

        progress.Report(SelfTrainingStage.Scoring, seen, toScore);
        selection.Finish();
        long selected = 0;
        double confidenceSum = 0;
        bool changed = false;
        foreach (var (row, target, confidence) in candidates)
        {
            float multiplicity = selection.Multiplicity(target, confidence);
            bool wasLabeled = pool.IsLabeled(row);
            if (multiplicity > 0)
            {
                bool isNew = !wasLabeled || !task.SameLabel(pool.Target[row], target);
                changed |= isNew;
                selected += isNew ? 1 : 0;
                confidenceSum += isNew ? confidence : 0;
                pool.Label(row, isNew ? round : pool.LabeledIteration[row], target, confidence, multiplicity);
            }
            else if (wasLabeled)
            {
                pool.Unlabel(row);
                changed = true;
            }
        }

        // Re-scored rows that no longer pass the confidence test lose their pseudo label.
        foreach (var row in previouslyLabeled)
        {
            pool.Unlabel(row);
            changed = true;
        }

        return new ScoringOutcome(scored + invalid, invalid, selected, selected == 0 ? double.NaN : confidenceSum / selected, changed);
    }
}
