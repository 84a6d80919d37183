using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// A fitted TorchSharp object detector. <see cref="Transform"/> adds three columns to the input (their names are the
/// trainer's options'):
/// <list type="table">
/// <listheader><term>Column</term><description>Type and meaning</description></listheader>
/// <item><term><c>PredictedLabel</c></term><description>Variable-size vector of Key&lt;<see cref="uint"/>, K&gt;, the training
/// labels' key type, with the class names (<see cref="ClassNames"/>) as <c>KeyValues</c>: each box's class.</description></item>
/// <item><term><c>Score</c></term><description>Variable-size vector of <see cref="float"/>: each box's score in (0, 1), descending.</description></item>
/// <item><term><c>PredictedBoundingBoxes</c></term><description>Variable-size vector of <see cref="float"/>, 4 per box: x0,
/// y0, x1, y1 in pixels, clipped to the image.</description></item>
/// </list>
/// An image gets at most <see cref="MaximumDetections"/> boxes, each scoring at least <see cref="ScoreThreshold"/>, after
/// per-class NMS at <see cref="NmsIouThreshold"/>; an image where nothing passes gets three empty vectors.
/// </summary>
/// <remarks>
/// <para>Scoring is lazy and batched (<see cref="OptimizationOptions.InferenceBatchSize"/> rows per forward pass, network
/// in eval mode, no augmentation); <c>mlContext.Model.CreatePredictionEngine</c> works too. Cursors and prediction
/// engines on several threads share the network under a lock.</para>
/// <para>Rows whose image has a non-finite (NaN or ±Inf) pixel are not scored: their <c>PredictedLabel</c> is [0]
/// (missing), their <c>Score</c> [NaN] and their <c>PredictedBoundingBoxes</c> four NaN — one invalid box, not an
/// image without objects.</para>
/// <para><b>Persistence.</b> <c>mlContext.Model.Save</c> throws <see cref="NotSupportedException"/> for this transformer
/// (ML.NET cannot load third-party transformers). Use <see cref="Save(string)"/> and <see cref="Load(MLContext, string)"/>:
/// one zip archive with <c>manifest.json</c> (format name and version, architecture and hyperparameters, input shape,
/// class names, decoding settings, column names) and <c>weights.bin</c> (TorchSharp <c>Module.save</c> format).
/// <see cref="SaveBackbone(string)"/> writes the backbone alone, for another trainer to start from
/// (<see cref="NetworkOptions.InitialBackbonePath"/>).</para>
/// </remarks>
public sealed partial class TorchObjectDetectorTransformer : ITransformer, IDisposable
{
    private readonly DetectorInfo _info;
    private readonly TorchImageModel _model;
    private readonly int _numberOfThreads;

    internal TorchObjectDetectorTransformer(DetectorInfo info, DetectorPredictor predictor, int numberOfThreads)
    {
        _info = info;
        _model = new TorchImageModel(this, predictor, input => DetectorOutputs.Create(input, info), info.InferenceBatchSize);
        _numberOfThreads = numberOfThreads;
    }

    /// <summary>The number of object classes K (the training labels' key count).</summary>
    public int ClassCount => _info.ClassNames.Length;

    /// <summary>The class names in class-index order (key k + 1 is class k): the training labels' key values, or "0", "1", … without them.</summary>
    public IReadOnlyList<string> ClassNames => _info.ClassNames;

    /// <summary>The image column.</summary>
    public string FeatureColumnName => _info.FeatureColumnName;

    /// <summary>The label column of training.</summary>
    public string LabelColumnName => _info.LabelColumnName;

    /// <summary>The box column of training.</summary>
    public string BoxColumnName => _info.BoxColumnName;

    /// <summary>The output column of the boxes' classes.</summary>
    public string PredictedLabelColumnName => _info.Outputs.PredictedLabel;

    /// <summary>The output column of the boxes' scores.</summary>
    public string ScoreColumnName => _info.Outputs.Score;

    /// <summary>The output column of the boxes' corners.</summary>
    public string PredictedBoundingBoxesColumnName => _info.Outputs.PredictedBoundingBoxes;

    /// <summary>The lowest score of an output box.</summary>
    public float ScoreThreshold => _info.Decoding.ScoreThreshold;

    /// <summary>The IoU above which a box is suppressed by a higher-scoring box of its class.</summary>
    public float NmsIouThreshold => _info.Decoding.NmsIouThreshold;

    /// <summary>The most boxes output per image.</summary>
    public int MaximumDetections => _info.Decoding.MaximumDetections;

    /// <summary>The backbone family.</summary>
    public BackboneArchitecture Architecture => _info.Spec.Architecture;

    /// <summary>Image channels expected in <see cref="FeatureColumnName"/>.</summary>
    public int ImageChannels => _info.Spec.Channels;

    /// <summary>Image height expected in <see cref="FeatureColumnName"/>.</summary>
    public int ImageHeight => _info.Spec.ImageHeight;

    /// <summary>Image width expected in <see cref="FeatureColumnName"/>.</summary>
    public int ImageWidth => _info.Spec.ImageWidth;

    /// <summary>Always <see langword="true"/>: the detector scores row by row, so prediction engines can use it.</summary>
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
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw TorchImageModel.NotSavableInModelZip(nameof(TorchObjectDetectorTransformer));

    /// <summary>Writes the detector to a zip archive (manifest + weights), atomically replacing <paramref name="path"/>.</summary>
    /// <param name="path">The archive file; its directory must exist.</param>
    public void Save(string path) =>
        _model.Save(path, (target, network) => DetectorArchive.Save(target, CreateManifest(_info, _numberOfThreads), network));

    /// <summary>
    /// Writes the network's backbone on its own to a zip archive, atomically replacing <paramref name="path"/>. A trainer
    /// with the same backbone (architecture, image channels, width and, for ResNet, blocks per stage) can start from it
    /// with <see cref="NetworkOptions.InitialBackbonePath"/>, whatever its task and classes.
    /// </summary>
    /// <param name="path">The archive file; its directory must exist.</param>
    public void SaveBackbone(string path) => _model.SaveBackbone(path);

    /// <summary>
    /// Reads a detector written by <see cref="Save(string)"/>. Every manifest field is checked (bounded sizes, class count
    /// 1 to 4096, maximum detections 1 to 1000, thresholds in [0, 1], class names one per class, names of at most 1024
    /// characters, a manifest of at most 16 MiB), and the declared network against the weights' size, before the network
    /// is built; each weight tensor is checked against it. Loading changes no process-wide setting (TorchSharp's thread
    /// count stays as it is).
    /// </summary>
    /// <param name="mlContext">The context (used for logging).</param>
    /// <param name="path">The archive file.</param>
    /// <returns>The detector, ready to score.</returns>
    /// <exception cref="InvalidDataException">The file is not a detector archive (or not a zip), has a newer format version,
    /// declares a value out of range (the message names the field, what was expected and what was got), or holds weights
    /// that do not fit the declared network.</exception>
    public static TorchObjectDetectorTransformer Load(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (manifest, network) = DetectorArchive.Load(path);
        var info = new DetectorInfo(manifest.FeatureColumnName, manifest.LabelColumnName, manifest.BoxColumnName, manifest.Network,
            manifest.ClassNames, manifest.InputScale, manifest.InferenceBatchSize,
            new DetectionDecoding(manifest.ScoreThreshold, manifest.NmsIouThreshold, manifest.MaximumDetections),
            new DetectionOutputNames(manifest.PredictedLabelColumnName, manifest.ScoreColumnName, manifest.PredictedBoundingBoxesColumnName));
        TorchImageModel.LogLoaded(mlContext, nameof(TorchObjectDetectorTransformer),
            $"Loaded a {manifest.Network.Architecture} detector with {info.ClassNames.Length} classes from '{path}'.");

        return new TorchObjectDetectorTransformer(info, new DetectorPredictor(network, manifest.Network, manifest.InputScale, info.Decoding), manifest.NumberOfThreads);
    }

    /// <summary>Releases the network's native memory, after any prediction in progress on another thread. Predictions
    /// through views, cursors or prediction engines made before then throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _model.Dispose();

    /// <summary>The manifest a detector of <paramref name="info"/> is saved with.</summary>
    internal static DetectorManifest CreateManifest(DetectorInfo info, int numberOfThreads) => new()
    {
        Network = info.Spec,
        ClassNames = info.ClassNames,
        FeatureColumnName = info.FeatureColumnName,
        LabelColumnName = info.LabelColumnName,
        BoxColumnName = info.BoxColumnName,
        PredictedLabelColumnName = info.Outputs.PredictedLabel,
        ScoreColumnName = info.Outputs.Score,
        PredictedBoundingBoxesColumnName = info.Outputs.PredictedBoundingBoxes,
        ScoreThreshold = info.Decoding.ScoreThreshold,
        NmsIouThreshold = info.Decoding.NmsIouThreshold,
        MaximumDetections = info.Decoding.MaximumDetections,
        InputScale = info.InputScale,
        InferenceBatchSize = info.InferenceBatchSize,
        NumberOfThreads = numberOfThreads,
    };
}
