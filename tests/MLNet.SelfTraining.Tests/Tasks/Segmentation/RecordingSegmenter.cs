using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tests.Tasks.Segmentation;

/// <summary>
/// A segmentation student for tests: trains <see cref="SceneRow.CopyTeacher"/> and records the rows it was given (mask,
/// pseudo flag) and what <see cref="StudentContext"/> told it. It registers as a pseudo-label consumer when
/// <paramref name="consumes"/> is set.
/// </summary>
internal sealed class RecordingSegmenter(MLContext ml, bool consumes = true, string? softLabelColumnName = null) : IEstimator<ITransformer>, IPseudoLabelConsumer
{
    private readonly IEstimator<ITransformer> _inner = SceneRow.CopyTeacher(ml);

    public string PseudoLabelFlagColumnName => DefaultColumnNames.IsPseudoLabel;

    public string? SoftLabelColumnName => softLabelColumnName;

    public string? ExampleWeightColumnName => null;

    /// <summary>Per fit, the rows: mask and flag (null when the input has no flag column).</summary>
    public List<List<(byte[] Mask, bool? IsPseudo)>> Fits { get; } = [];

    /// <summary>Per fit, α and the cancellation token of <see cref="StudentContext.Current"/> (null outside self-training).</summary>
    public List<(double Alpha, CancellationToken Token)?> Contexts { get; } = [];

    public ITransformer Fit(IDataView input)
    {
        Register();
        var current = StudentContext.Current;
        Contexts.Add(current is null ? null : (current.PseudoLabelWeight, current.CancellationToken));
        var flag = input.Schema.GetColumnOrNull(PseudoLabelFlagColumnName);
        var rows = new List<(byte[], bool?)>();
        using (var cursor = input.GetRowCursor(flag is null ? [input.Schema[nameof(SceneRow.Mask)]] : [input.Schema[nameof(SceneRow.Mask)], flag.Value]))
        {
            var mask = cursor.GetGetter<VBuffer<byte>>(input.Schema[nameof(SceneRow.Mask)]);
            var isPseudo = flag is null ? null : cursor.GetGetter<bool>(flag.Value);
            VBuffer<byte> value = default;
            bool pseudo = false;
            while (cursor.MoveNext())
            {
                mask(ref value);
                isPseudo?.Invoke(ref pseudo);
                rows.Add((value.DenseValues().ToArray(), isPseudo is null ? null : pseudo));
            }
        }

        Fits.Add(rows);
        return _inner.Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        Register();
        return _inner.GetOutputSchema(inputSchema);
    }

    private void Register()
    {
        if (consumes)
        {
            StudentContext.Current?.Register(this);
        }
    }
}
