using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>An <see cref="IOutputColumn"/> of values of type <typeparamref name="TValue"/>; rows that were not scored
/// (an input with a NaN or ±Inf) get the column's missing value.</summary>
internal abstract class OutputColumn<TValue> : IOutputColumn
{
    protected OutputColumn(string name, DataViewType type, DataViewSchema.Annotations annotations)
    {
        Name = name;
        Type = type;
        Annotations = annotations;
    }

    public string Name { get; }

    public DataViewType Type { get; }

    public DataViewSchema.Annotations Annotations { get; }

    public Delegate MakeGetter(ScoreBatch batch, Func<int> row) =>
        new ValueGetter<TValue>((ref TValue value) =>
        {
            var at = row();
            if (batch.IsScored(at))
            {
                Read(batch.Output(at), ref value);
            }
            else
            {
                ReadMissing(ref value);
            }
        });

    /// <summary>Reads the value of a scored row from its network output.</summary>
    protected abstract void Read(ReadOnlySpan<float> output, ref TValue value);

    /// <summary>Reads the value of a row that was not scored.</summary>
    protected abstract void ReadMissing(ref TValue value);
}
