using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks;

/// <summary>
/// The fitted network behind a TorchSharp image transformer (the classifier's and the segmenter's): its output schema,
/// lazy scoring views and row mappers, saving under the scorer's lock, and its lifetime. After <see cref="Dispose"/>,
/// every call but <see cref="GetOutputSchema"/> throws <see cref="ObjectDisposedException"/> naming the transformer.
/// </summary>
internal sealed class TorchImageModel : IDisposable
{
    private readonly object _owner;
    private readonly NetworkScorer<ImageNetwork> _scorer;
    private readonly Func<DataViewSchema, ScoredSchema> _outputs;
    private readonly int _inferenceBatchSize;
    private bool _disposed;

    /// <param name="owner">The transformer, named by <see cref="ObjectDisposedException"/>.</param>
    /// <param name="scorer">The network's scorer; owned (disposed) by the model.</param>
    /// <param name="outputs">Checks an input schema for scoring and builds the scored schema.</param>
    /// <param name="inferenceBatchSize">Rows per forward pass of a scoring view.</param>
    public TorchImageModel(object owner, NetworkScorer<ImageNetwork> scorer, Func<DataViewSchema, ScoredSchema> outputs, int inferenceBatchSize)
    {
        _owner = owner;
        _scorer = scorer;
        _outputs = outputs;
        _inferenceBatchSize = inferenceBatchSize;
    }

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return _outputs(inputSchema).Output;
    }

    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(_disposed, _owner);
        return new ScoredDataView(_outputs(input.Schema), input, _scorer, _inferenceBatchSize);
    }

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ObjectDisposedException.ThrowIf(_disposed, _owner);
        return new ScoredRowMapper(_outputs(inputSchema), _scorer);
    }

    /// <summary>Checks <paramref name="path"/>, then runs <paramref name="write"/> with it on the network, serialized with scoring.</summary>
    public void Save(string path, Action<string, ImageNetwork> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ObjectDisposedException.ThrowIf(_disposed, _owner);
        _scorer.Use(network => write(path, network));
    }

    /// <summary>Writes the network's backbone on its own to a backbone archive at <paramref name="path"/>.</summary>
    public void SaveBackbone(string path) => Save(path, (target, network) => BackboneArchive.Save(target, network.Backbone));

    /// <summary>Runs <paramref name="action"/> on the network (e.g. to copy its weights), serialized with scoring.</summary>
    public void Use(Action<ImageNetwork> action)
    {
        ObjectDisposedException.ThrowIf(_disposed, _owner);
        _scorer.Use(action);
    }

    /// <summary>Releases the network's native memory, after any prediction in progress on another thread.</summary>
    public void Dispose()
    {
        _disposed = true;
        _scorer.Dispose();
    }

    /// <summary>The error of <c>ICanSaveModel.Save</c>: ML.NET's model zip cannot hold the transformer.</summary>
    /// <param name="transformer">The transformer's type name.</param>
    /// <param name="alternative">Another way to save it, if any, appended to the message.</param>
    public static NotSupportedException NotSavableInModelZip(string transformer, string? alternative = null) => new(
        $"{transformer} cannot be saved in an ML.NET model zip (ML.NET cannot load third-party "
        + $"transformers). Use {transformer}.Save(path) and "
        + $"{transformer}.Load(mlContext, path), and save any preprocessing separately"
        + (alternative is null ? "." : $"; {alternative}."));

    /// <summary>Logs <paramref name="message"/> on the <c>Load</c> channel of a host named after the transformer.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="transformer">The transformer's type name.</param>
    /// <param name="message">What was loaded.</param>
    public static void LogLoaded(MLContext mlContext, string transformer, string message)
    {
        var host = ((IHostEnvironment)mlContext).Register(transformer);
        using var channel = host.Start("Load");
        channel.Info(MessageSensitivity.None, message);
    }
}
