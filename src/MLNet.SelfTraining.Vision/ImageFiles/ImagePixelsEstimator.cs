using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>
/// Reads image files into the float pixels the TorchSharp classifier takes, safely: the file header is checked against
/// a pixel budget before decoding, and unreadable files get an error naming them (or, if asked, NaN pixels and a report).
/// </summary>
/// <remarks>
/// <para>Input column: <see cref="ImagePixelsOptions.ImagePathColumnName"/> (Text). Output column:
/// <see cref="ImagePixelsOptions.OutputColumnName"/>, a vector of C×H×W <see cref="float"/> in [0, 1], resized.</para>
/// <para>For <c>MLImage</c> columns from ML.NET's <c>LoadImages</c>, ML.NET's own
/// <c>ResizeImages</c> + <c>ExtractPixels(scaleImage: 1f / 255)</c> give the same kind of vector.</para>
/// <para>Nothing is learned; the transformer is lazy and, being a third-party stage, cannot be saved in an ML.NET zip.</para>
/// </remarks>
public sealed class ImagePixelsEstimator : IEstimator<ImagePixelsTransformer>
{
    private readonly IHost _host;
    private readonly ImagePixelsOptions _options;

    internal ImagePixelsEstimator(MLContext mlContext, ImagePixelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _host = ((IHostEnvironment)mlContext).Register(nameof(ImagePixelsEstimator));
        _options = options;
    }

    /// <summary>Checks the path column and returns the transformer.</summary>
    public ImagePixelsTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var transformer = new ImagePixelsTransformer(_host, _options);
        transformer.GetOutputSchema(input.Schema);
        return transformer;
    }

    /// <summary>
    /// Checks that the path column exists and returns the input columns: ML.NET 5 keeps the constructor of
    /// <see cref="SchemaShape.Column"/> internal, so the new column cannot be described here (the fitted transformer's
    /// <see cref="ImagePixelsTransformer.GetOutputSchema"/> has it).
    /// </summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        if (!inputSchema.Any(c => c.Name == _options.ImagePathColumnName))
        {
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Could not find image path column '{_options.ImagePathColumnName}'");
        }

        return inputSchema;
    }
}
