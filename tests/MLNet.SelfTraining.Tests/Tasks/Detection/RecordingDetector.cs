using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tests.Tasks.Detection;

/// <summary>
/// A detection student for tests: trains <see cref="DetectionRow.CopyTeacher"/> and records the rows it was given
/// (keys, boxes, pseudo flag) and the schema of its input. It registers as a pseudo-label consumer when
/// <paramref name="consumes"/> is set.
/// </summary>
internal sealed class RecordingDetector(MLContext ml, bool consumes = true, string? softLabelColumnName = null) : IEstimator<ITransformer>, IPseudoLabelConsumer
{
    private readonly IEstimator<ITransformer> _inner = DetectionRow.CopyTeacher(ml);

    public string PseudoLabelFlagColumnName => DefaultColumnNames.IsPseudoLabel;

    public string? SoftLabelColumnName => softLabelColumnName;

    public string? ExampleWeightColumnName => null;

    /// <summary>Per fit, the rows: class keys, boxes, flag (null when the input has no flag column).</summary>
    public List<List<(uint[] Labels, float[] Box, bool? IsPseudo)>> Fits { get; } = [];

    /// <summary>Per fit, the input schema.</summary>
    public List<DataViewSchema> Schemas { get; } = [];

    public ITransformer Fit(IDataView input)
    {
        Register();
        Schemas.Add(input.Schema);
        var flag = input.Schema.GetColumnOrNull(PseudoLabelFlagColumnName);
        var (labels, box) = (input.Schema[DefaultColumnNames.Labels], input.Schema[DefaultColumnNames.Box]);
        var rows = new List<(uint[], float[], bool?)>();
        using (var cursor = input.GetRowCursor(flag is null ? [labels, box] : [labels, box, flag.Value]))
        {
            var getLabels = cursor.GetGetter<VBuffer<uint>>(labels);
            var getBox = cursor.GetGetter<VBuffer<float>>(box);
            var isPseudo = flag is null ? null : cursor.GetGetter<bool>(flag.Value);
            (VBuffer<uint> keys, VBuffer<float> boxes, bool pseudo) = (default, default, false);
            while (cursor.MoveNext())
            {
                getLabels(ref keys);
                getBox(ref boxes);
                isPseudo?.Invoke(ref pseudo);
                rows.Add((keys.DenseValues().ToArray(), boxes.DenseValues().ToArray(), isPseudo is null ? null : pseudo));
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
