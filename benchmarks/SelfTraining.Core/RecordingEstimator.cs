using Microsoft.ML;

namespace SelfTraining.Core;

/// <summary>
/// Wraps the student pipeline and keeps every model it fits, so the round-by-round test accuracy can be measured
/// after the timed run (the models are evaluated later, outside the clock).
/// </summary>
internal sealed class RecordingEstimator(IEstimator<ITransformer> inner) : IEstimator<ITransformer>
{
    public List<ITransformer> Models { get; } = [];

    public ITransformer Fit(IDataView input)
    {
        var model = inner.Fit(input);
        Models.Add(model);
        return model;
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
}
