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

    /// <summary>Always <see langword="false"/>: the stage is applied to whole views.</summary>
    public bool IsRowToRowMapper => false;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Transform(new EmptyDataView(inputSchema)).Schema;

    /// <summary>Not supported: the stage is applied to whole views.</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
        => throw new NotSupportedException($"{nameof(ImagePixelsTransformer)} is applied to whole views; it has no row-to-row mapper.");

    /// <summary>Not supported: ML.NET 5 keeps its model loader API internal, so this third-party stage could not be loaded back.</summary>
    public void Save(ModelSaveContext ctx)
        => throw new NotSupportedException($"{nameof(ImagePixelsTransformer)} cannot be saved into an ML.NET model: ML.NET 5 keeps its model loader API internal. Recreate it with mlContext.Transforms.LoadImagePixels when scoring.");

    /// <summary>Adds the pixel column to <paramref name="input"/>, lazily.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = input.Schema.GetColumnOrNull(_options.ImagePathColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(input), $"Could not find image path column '{_options.ImagePathColumnName}'");
        if (path.Type is not TextDataViewType)
        {
            throw new ArgumentOutOfRangeException(nameof(input), $"Schema mismatch for image path column '{path.Name}': expected String, got {path.Type}");
        }

        return new AugmentedDataView(input, keepSourceColumns: null, [new ImagePixelsColumn(_options, Skip)]);
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
