using Microsoft.ML;

namespace SelfTraining.Vision;

/// <summary>
/// Wraps an estimator and times its <see cref="Fit"/> (the student inside self-training, whose round time also holds
/// the teacher's scoring pass). The schema is forwarded, so a trainer that reads pseudo-label columns still registers
/// itself with the self-training run.
/// </summary>
internal sealed class TimedEstimator(IEstimator<ITransformer> inner) : IEstimator<ITransformer>
{
    /// <summary>Seconds of the last <see cref="Fit"/>.</summary>
    public double Seconds { get; private set; }

    public ITransformer Fit(IDataView input)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = inner.Fit(input);
        Seconds = clock.Elapsed.TotalSeconds;
        return model;
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
}
