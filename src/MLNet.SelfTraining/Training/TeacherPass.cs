using Microsoft.ML;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Training;

/// <summary>One streaming pass of a fitted teacher over indexed rows, yielding (row index, class probabilities).</summary>
internal static class TeacherPass
{
    private const int CancellationCheckInterval = 4096;

    /// <summary>
    /// Runs <paramref name="model"/> over <paramref name="indexed"/> (a view with <see cref="ColumnPlan.RowIndexColumnName"/>)
    /// and calls <paramref name="visit"/> per row with its index, probabilities and whether they are valid (not NaN).
    /// </summary>
    public static void Run(ITransformer model, IDataView indexed, bool isBinary, string scoreColumnName,
        CancellationToken cancellation, Action<long, float[], bool> visit)
    {
        var scored = model.Transform(indexed);
        var scores = TeacherScores.Create(scored.Schema, isBinary, scoreColumnName);
        var index = scored.Schema[ColumnPlan.RowIndexColumnName];
        var probabilities = new float[scores.ClassCount];
        using var cursor = scored.GetRowCursor([index, scores.Column]);
        var read = scores.MakeReader(cursor);
        var indexGetter = cursor.GetGetter<long>(index);
        long row = 0;
        long seen = 0;
        while (cursor.MoveNext())
        {
            if (++seen % CancellationCheckInterval == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            indexGetter(ref row);
            visit(row, probabilities, read(probabilities));
        }
    }

    /// <summary>The class count of the teacher's output on <paramref name="schema"/>.</summary>
    public static TeacherScores Scores(ITransformer model, DataViewSchema schema, bool isBinary, string scoreColumnName)
        => TeacherScores.Create(model.GetOutputSchema(schema), isBinary, scoreColumnName);
}
