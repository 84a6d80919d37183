using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// A fitted TorchSharp semantic segmenter. <see cref="Transform"/> adds two columns to the input:
/// <list type="table">
/// <listheader><term>Column</term><description>Type and meaning</description></listheader>
/// <item><term><c>PredictedMask</c></term><description>Known-size vector of H·W <see cref="byte"/>, row-major: each pixel's
/// most probable class index, with the <see cref="SegmentationMasks.ClassNamesAnnotation"/> annotation (<see cref="ClassNames"/>).</description></item>
/// <item><term><c>Confidence</c></term><description>Known-size vector of H·W <see cref="float"/>: the softmax probability of
/// each pixel's predicted class.</description></item>
/// </list>
/// </summary>
/// <remarks>
/// <para>Scoring is lazy and batched (<see cref="OptimizationOptions.InferenceBatchSize"/> rows per forward pass, network
/// in eval mode, no augmentation); <c>mlContext.Model.CreatePredictionEngine</c> works too. Cursors and prediction
/// engines on several threads share the network under a lock.</para>
/// <para>Rows whose image has a non-finite (NaN or ±Inf) pixel are not scored: their <c>PredictedMask</c> is 255
/// everywhere and their <c>Confidence</c> NaN.</para>
/// <para><b>Persistence.</b> <c>mlContext.Model.Save</c> throws <see cref="NotSupportedException"/> for this transformer
/// (ML.NET cannot load third-party transformers). Use <see cref="Save(string)"/> and <see cref="Load(MLContext, string)"/>:
/// one zip archive with <c>manifest.json</c> (format name and version, architecture and hyperparameters, input shape,
/// class names, column names) and <c>weights.bin</c> (TorchSharp <c>Module.save</c> format).
/// <see cref="SaveBackbone(string)"/> writes the backbone alone, for another trainer to start from
/// (<see cref="NetworkOptions.InitialBackbonePath"/>).</para>
/// </remarks>
public sealed partial class TorchImageSegmenterTransformer : ITransformer, IDisposable
{
    private readonly SegmenterInfo _info;
    private readonly TorchImageModel _model;
    private readonly int _numberOfThreads;

    internal TorchImageSegmenterTransformer(SegmenterInfo info, SegmenterPredictor predictor, int numberOfThreads)
    {
        _info = info;
        _model = new TorchImageModel(this, predictor, input => SegmenterOutputs.Create(input, info), info.InferenceBatchSize);
        _numberOfThreads = numberOfThreads;
    }

    /// <summary>The number of classes K.</summary>
    public int ClassCount => _info.ClassNames.Length;

    /// <summary>The class names in class-index order (the training mask's annotation, or "0", "1", … without one).</summary>
    public IReadOnlyList<string> ClassNames => _info.ClassNames;

    /// <summary>The image column.</summary>
    public string FeatureColumnName => _info.FeatureColumnName;

    /// <summary>The mask column of training.</summary>
    public string MaskColumnName => _info.MaskColumnName;

    /// <summary>The backbone family.</summary>
    public BackboneArchitecture Architecture => _info.Spec.Architecture;

    /// <summary>Image channels expected in <see cref="FeatureColumnName"/>.</summary>
    public int ImageChannels => _info.Spec.Channels;

    /// <summary>Image height expected in <see cref="FeatureColumnName"/> (and of the masks).</summary>
    public int ImageHeight => _info.Spec.ImageHeight;

    /// <summary>Image width expected in <see cref="FeatureColumnName"/> (and of the masks).</summary>
    public int ImageWidth => _info.Spec.ImageWidth;

    /// <summary>Always <see langword="true"/>: the segmenter scores row by row, so prediction engines can use it.</summary>
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
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw TorchImageModel.NotSavableInModelZip(nameof(TorchImageSegmenterTransformer));

    /// <summary>Writes the segmenter to a zip archive (manifest + weights), atomically replacing <paramref name="path"/>.</summary>
    /// <param name="path">The archive file; its directory must exist.</param>
    public void Save(string path) =>
        _model.Save(path, (target, network) => SegmenterArchive.Save(target, CreateManifest(_info, _numberOfThreads), network));

    /// <summary>
    /// Writes the network's backbone on its own to a zip archive, atomically replacing <paramref name="path"/>. A trainer
    /// with the same backbone (architecture, image channels, width and, for ResNet, blocks per stage) can start from it
    /// with <see cref="NetworkOptions.InitialBackbonePath"/>, whatever its task and classes.
    /// </summary>
    /// <param name="path">The archive file; its directory must exist.</param>
    public void SaveBackbone(string path) => _model.SaveBackbone(path);

    /// <summary>
    /// Reads a segmenter written by <see cref="Save(string)"/>. Every manifest field is checked (bounded sizes, class names
    /// one per class, names of at most 1024 characters, a manifest of at most 16 MiB), and the declared network against the
    /// weights' size, before the network is built; each weight tensor is checked against it. Loading changes no
    /// process-wide setting (TorchSharp's thread count stays as it is).
    /// </summary>
    /// <param name="mlContext">The context (used for logging).</param>
    /// <param name="path">The archive file.</param>
    /// <returns>The segmenter, ready to score.</returns>
    /// <exception cref="InvalidDataException">The file is not a segmenter archive (or not a zip), has a newer format version,
    /// declares a value out of range (the message names the field, what was expected and what was got), or holds weights
    /// that do not fit the declared network.</exception>
    public static TorchImageSegmenterTransformer Load(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (manifest, network) = SegmenterArchive.Load(path);
        var info = new SegmenterInfo(manifest.FeatureColumnName, manifest.MaskColumnName, manifest.Network, manifest.ClassNames,
            manifest.InputScale, manifest.InferenceBatchSize);
        TorchImageModel.LogLoaded(mlContext, nameof(TorchImageSegmenterTransformer),
            $"Loaded a {manifest.Network.Architecture} segmenter with {info.ClassNames.Length} classes from '{path}'.");

        return new TorchImageSegmenterTransformer(info, new SegmenterPredictor(network, manifest.Network, manifest.InputScale), manifest.NumberOfThreads);
    }

    /// <summary>Releases the network's native memory, after any prediction in progress on another thread. Predictions
    /// through views, cursors or prediction engines made before then throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _model.Dispose();

    /// <summary>The manifest a segmenter of <paramref name="info"/> is saved with.</summary>
    internal static SegmenterManifest CreateManifest(SegmenterInfo info, int numberOfThreads) => new()
    {
        Network = info.Spec,
        ClassNames = info.ClassNames,
        FeatureColumnName = info.FeatureColumnName,
        MaskColumnName = info.MaskColumnName,
        InputScale = info.InputScale,
        InferenceBatchSize = info.InferenceBatchSize,
        NumberOfThreads = numberOfThreads,
    };
}
