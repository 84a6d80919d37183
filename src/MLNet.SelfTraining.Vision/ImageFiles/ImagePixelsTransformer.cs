using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Data;

namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>The fitted <see cref="ImagePixelsEstimator"/>: adds the pixel column, decoding each image when its row is read.</summary>
public sealed class ImagePixelsTransformer : ITransformer
{
    private readonly IHost _host;
    private readonly ImagePixelsOptions _options;
    private readonly ConcurrentDictionary<string, string> _skipped = new();

    internal ImagePixelsTransformer(IHost host, ImagePixelsOptions options)
    {
        _host = host;
        _options = options;
    }

    /// <summary>Files skipped so far (with <see cref="ImagePixelsOptions.SkipInvalidImages"/>), each with the reason.</summary>
    public IReadOnlyDictionary<string, string> SkippedFiles => _skipped;

    /// <summary>Always <see langword="true"/>: each row's image is read on its own, so prediction engines can use the stage.</summary>
    public bool IsRowToRowMapper => true;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Transform(new EmptyDataView(inputSchema)).Schema;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">The image path column is missing or not text.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        CheckPathColumn(inputSchema, nameof(inputSchema));
        return new ImagePixelsRowMapper(inputSchema, new ImagePixelsColumn(_options, Skip));
    }

    /// <summary>
    /// Not supported: ML.NET 5 keeps its model loader API internal, so this third-party stage could not be loaded back
    /// (nor could the TorchSharp classifier that follows it). Keep the <see cref="ImagePixelsOptions"/> and recreate the
    /// stage with <c>mlContext.Transforms.LoadImagePixels</c> when scoring.
    /// </summary>
    /// <exception cref="NotSupportedException">Always; the message names the alternatives.</exception>
    public void Save(ModelSaveContext ctx)
        => throw new NotSupportedException(
            $"{nameof(ImagePixelsTransformer)} cannot be saved in an ML.NET model zip (ML.NET 5 keeps its model loader API internal). "
            + "Recreate it with mlContext.Transforms.LoadImagePixels(mlContext, options) when scoring, or, for a zip, use ML.NET's "
            + "LoadImages → ResizeImages → ExtractPixels(scaleImage: 1f / 255), which has no pixel budget against decompression bombs.");

    /// <summary>Adds the pixel column to <paramref name="input"/>, lazily.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckPathColumn(input.Schema, nameof(input));
        return new AugmentedDataView(input, keepSourceColumns: null, [new ImagePixelsColumn(_options, Skip)]);
    }

    private void CheckPathColumn(DataViewSchema schema, string parameterName)
    {
        var path = schema.GetColumnOrNull(_options.ImagePathColumnName)
            ?? throw new ArgumentOutOfRangeException(parameterName, $"Could not find image path column '{_options.ImagePathColumnName}'");
        if (path.Type is not TextDataViewType)
        {
            throw new ArgumentOutOfRangeException(parameterName, $"Schema mismatch for image path column '{path.Name}': expected String, got {path.Type}");
        }
    }

    private void Skip(string file, Exception reason)
    {
        if (_skipped.TryAdd(file, reason.Message))
        {
            using var channel = _host.Start(nameof(ImagePixelsTransformer));
            channel.Warning(MessageSensitivity.UserData, $"Skipped image file '{file}' (its pixels are NaN): {reason.Message}");
        }
    }
}
