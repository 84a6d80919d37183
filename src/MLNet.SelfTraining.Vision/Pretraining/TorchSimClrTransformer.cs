using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>
/// A backbone pre-trained by <see cref="TorchSimClrEstimator"/>. <see cref="Transform"/> adds the embedding column
/// (<see cref="OutputColumnName"/>, a vector of <see cref="EmbeddingSize"/> floats: the backbone's globally
/// average-pooled features) to the input, so an ordinary ML.NET trainer can learn on it, and
/// <c>mlContext.Model.CreatePredictionEngine</c> works. <see cref="SaveBackbone(string)"/> hands the backbone to any
/// TorchSharp image trainer through <see cref="NetworkOptions.InitialBackbonePath"/>.
/// </summary>
/// <remarks>
/// <para>Scoring is lazy and batched (<see cref="OptimizationOptions.InferenceBatchSize"/> rows per forward pass, network
/// in eval mode, no augmentation). Cursors on several threads share the network under a lock. Rows whose image has a
/// non-finite (NaN or ±Inf) pixel get an all-NaN embedding.</para>
/// <para><b>Persistence.</b> ML.NET cannot load third-party transformers from its model zip, so
/// <c>mlContext.Model.Save</c> throws <see cref="NotSupportedException"/> for this transformer (and for chains that contain
/// it). Use <see cref="Save(string)"/> and <see cref="Load(MLContext, string)"/>: one zip archive with <c>manifest.json</c>
/// (format name and version, backbone, input shape, column names, scoring settings) and <c>weights.bin</c> (the backbone's
/// TorchSharp weights; the projection head is not kept). <see cref="SaveBackbone(string)"/> writes the backbone archive
/// that the classifier, segmenter and detector read.</para>
/// </remarks>
public sealed class TorchSimClrTransformer : ITransformer, IDisposable
{
    private readonly SimClrInfo _info;
    private readonly TorchImageModel _model;
    private readonly int _numberOfThreads;

    internal TorchSimClrTransformer(SimClrInfo info, EmbeddingPredictor predictor, int numberOfThreads)
    {
        _info = info;
        _model = new TorchImageModel(this, predictor, input => SimClrOutputs.Create(input, info), info.InferenceBatchSize);
        _numberOfThreads = numberOfThreads;
    }

    /// <summary>The image column.</summary>
    public string FeatureColumnName => _info.FeatureColumnName;

    /// <summary>The embedding column added by <see cref="Transform"/>.</summary>
    public string OutputColumnName => _info.OutputColumnName;

    /// <summary>Values per embedding: the backbone's output channels.</summary>
    public int EmbeddingSize => _info.EmbeddingSize;

    /// <summary>The backbone family.</summary>
    public BackboneArchitecture Architecture => _info.Backbone.Architecture;

    /// <summary>Image channels expected in <see cref="FeatureColumnName"/>.</summary>
    public int ImageChannels => _info.Backbone.Channels;

    /// <summary>Image height expected in <see cref="FeatureColumnName"/>.</summary>
    public int ImageHeight => _info.ImageHeight;

    /// <summary>Image width expected in <see cref="FeatureColumnName"/>.</summary>
    public int ImageWidth => _info.ImageWidth;

    /// <summary>Always <see langword="true"/>: the embedding is computed row by row, so prediction engines can use it.</summary>
    public bool IsRowToRowMapper => true;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or has the wrong type or size.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _model.GetOutputSchema(inputSchema);

    /// <inheritdoc/>
    public IDataView Transform(IDataView input) => _model.Transform(input);

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _model.GetRowToRowMapper(inputSchema);

    /// <summary>Not supported: ML.NET's model format has no public way to store or load a third-party transformer.</summary>
    /// <exception cref="NotSupportedException">Always; use <see cref="Save(string)"/>.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw TorchImageModel.NotSavableInModelZip(nameof(TorchSimClrTransformer));

    /// <summary>Writes the embedding model to a zip archive (manifest + weights), atomically replacing <paramref name="path"/>;
    /// <see cref="Load(MLContext, string)"/> reads it back.</summary>
    /// <param name="path">The archive file; its directory must exist.</param>
    public void Save(string path) =>
        _model.Save(path, (target, network) => SimClrArchive.Save(target, SimClrManifest.Of(_info, _numberOfThreads), network));

    /// <summary>
    /// Writes the pre-trained backbone to a backbone archive (manifest + weights), atomically replacing
    /// <paramref name="path"/>. A classifier, segmenter or detector with the same backbone (architecture, image channels,
    /// width and, for ResNet, blocks per stage) starts from it with <see cref="NetworkOptions.InitialBackbonePath"/>.
    /// </summary>
    /// <param name="path">The archive file; its directory must exist.</param>
    public void SaveBackbone(string path) => _model.SaveBackbone(path);

    /// <summary>
    /// Reads an embedding model written by <see cref="Save(string)"/>. Every manifest field is checked (bounded sizes,
    /// names of at most 1024 characters, a manifest of at most 16 MiB), and the declared backbone against the weights'
    /// size, before the network is built; each weight tensor is checked against it. Loading changes no process-wide
    /// setting.
    /// </summary>
    /// <param name="mlContext">The context (used for logging).</param>
    /// <param name="path">The archive file.</param>
    /// <returns>The embedding model, ready to score.</returns>
    /// <exception cref="InvalidDataException">The file is not a SimCLR embedding archive (or not a zip), has a newer format
    /// version, declares a value out of range (the message names the field, what was expected and what was got), or
    /// holds weights that do not fit the declared backbone.</exception>
    public static TorchSimClrTransformer Load(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (manifest, network) = SimClrArchive.Load(path);
        var info = manifest.Info();
        TorchImageModel.LogLoaded(mlContext, nameof(TorchSimClrTransformer),
            $"Loaded a {info.Backbone.Architecture} SimCLR embedding of {info.EmbeddingSize} values from '{path}'.");
        return new TorchSimClrTransformer(info, new EmbeddingPredictor(network, info), manifest.NumberOfThreads);
    }

    /// <summary>Releases the network's native memory, after any prediction in progress on another thread. Predictions
    /// through views, cursors or prediction engines made before then throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _model.Dispose();
}
