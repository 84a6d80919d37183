using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

/// <summary>
/// Records the shape an estimator chain hands to it and stops the fit: appended after an estimator, it gives that
/// estimator's output shape for a data view's schema (ML.NET keeps <c>SchemaShape.Create</c> internal).
/// </summary>
internal sealed class ShapeCapture : IEstimator<ITransformer>
{
    private SchemaShape? _shape;

    /// <summary>The output shape of <paramref name="estimator"/> on <paramref name="data"/>'s schema; an error of the
    /// estimator's <c>GetOutputSchema</c> comes through.</summary>
    public static SchemaShape OutputOf(IEstimator<ITransformer> estimator, IDataView data)
    {
        var capture = new ShapeCapture();
        try
        {
            estimator.Append(capture).Fit(data);
        }
        catch (OperationCanceledException) when (capture._shape is not null)
        {
        }

        return capture._shape ?? throw new AssertFailedException("The chain never asked for the shape.");
    }

    public ITransformer Fit(IDataView input) => throw new InvalidOperationException("The chain was expected to ask for the shape first.");

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        _shape = inputSchema;
        throw new OperationCanceledException();
    }
}
