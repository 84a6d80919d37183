using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Schema;

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
/// <para>Nothing is learned; the transformer is lazy and a row-to-row mapper (a <c>PredictionEngine</c> can use it). Being a
/// third-party stage, it cannot be saved in an ML.NET zip: <see cref="ImagePixelsTransformer.Save"/> throws
/// <see cref="NotSupportedException"/> naming the alternatives.</para>
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
    /// Checks the path column and returns the input columns plus the output column, a known-size vector of C×H×W
    /// <see cref="float"/> (replacing an input column of the same name), so stages appended after this one see it
    /// before anything is fitted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The image path column is missing or not a text scalar.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var path = inputSchema.FirstOrDefault(c => c.Name == _options.ImagePathColumnName);
        if (path.Name is null)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Could not find image path column '{_options.ImagePathColumnName}'");
        }

        if (path.Kind != SchemaShape.Column.VectorKind.Scalar || path.ItemType is not TextDataViewType)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSchema),
                $"Schema mismatch for image path column '{path.Name}': expected String, got {path.ItemType}{(path.Kind == SchemaShape.Column.VectorKind.Scalar ? "" : " vector")}");
        }

        return ShapeColumns.With(inputSchema, [(_options.OutputColumnName, ImagePixelsColumn.TypeOf(_options))]);
    }
}
