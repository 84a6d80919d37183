using Microsoft.ML;

namespace MLNet.SelfTraining.Schema;

/// <summary>An estimator that records the input shape it is asked about and stops the fit (see <see cref="ShapeColumns.Of"/>).</summary>
internal sealed class ShapeCapture : IEstimator<ITransformer>
{
    /// <summary>The recorded input shape.</summary>
    public SchemaShape? Shape { get; private set; }

    /// <inheritdoc/>
    public ITransformer Fit(IDataView input) => throw new Captured();

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        Shape = inputSchema;
        throw new Captured();
    }

    /// <summary>Thrown to stop the fit once the shape is recorded.</summary>
    internal sealed class Captured : Exception
    {
    }
}
