using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>A column computed from each row's network output (e.g. class probabilities or a predicted key).</summary>
internal interface IOutputColumn
{
    string Name { get; }

    DataViewType Type { get; }

    DataViewSchema.Annotations Annotations { get; }

    /// <summary>Makes the column's <c>ValueGetter</c>: each call reads the output of the batch row that
    /// <paramref name="row"/> returns (which scores the batch first when needed).</summary>
    Delegate MakeGetter(ScoreBatch batch, Func<int> row);
}
