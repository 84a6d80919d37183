using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// A fitted TorchSharp image classifier. <see cref="Transform"/> adds <c>Score</c> (a vector of class probabilities) and
/// <c>PredictedLabel</c> (the training label's key type and key values) to the input, so
/// <c>mlContext.MulticlassClassification.Evaluate</c> and <c>mlContext.Model.CreatePredictionEngine</c> work unchanged.
/// </summary>
/// <remarks>
/// <para>Scoring is lazy and batched (<see cref="OptimizationOptions.InferenceBatchSize"/> rows per forward
/// pass, network in eval mode, no augmentation). Cursors on several threads share the network under a lock.</para>
/// <para>Rows whose image has a non-finite (NaN or ±Inf) pixel get NaN scores and a missing (0) predicted key.</para>
/// <para><b>Persistence.</b> ML.NET cannot load third-party transformers from its model zip, so
/// <c>mlContext.Model.Save</c> throws <see cref="NotSupportedException"/> for this transformer (and for chains that contain
/// it). Use <see cref="Save(string)"/> and <see cref="Load(MLContext, string)"/>: one zip archive with <c>manifest.json</c>
/// (format name and version, architecture and hyperparameters, input shape, class names, column names) and
/// <c>weights.bin</c> (TorchSharp <c>Module.save</c> format). Preprocessing before the classifier is saved separately with
/// <c>mlContext.Model.Save</c>. Archives of format version 1 (before the network was split into a backbone and a head)
/// still load. <see cref="SaveBackbone(string)"/> writes the backbone alone, for another trainer to start from.
/// <see cref="SaveAsMLNetModel"/> (or <c>mlContext.Model.Save</c> on <see cref="ToMLNetModel"/>) writes a plain ML.NET zip
/// through ONNX instead, which loads without this library or TorchSharp; <see cref="ExportOnnx"/> writes the ONNX model alone.</para>
/// </remarks>
public sealed partial class TorchImageClassifierTransformer : ITransformer, IDisposable
{
    private readonly ClassifierInfo _info;
    private readonly TorchImageModel _model;
    private readonly int _numberOfThreads;

    internal TorchImageClassifierTransformer(ClassifierInfo info, ImageClassifierPredictor predictor, int numberOfThreads)
    {
        _info = info;
        _model = new TorchImageModel(this, predictor, input => ClassifierOutputs.Create(input, info), info.InferenceBatchSize);
        _numberOfThreads = numberOfThreads;
    }

    /// <summary>The number of classes (the size of <c>Score</c>).</summary>
    public int ClassCount => _info.Classes.Count;

    /// <summary>The class names (the training label's text key values) in score order, or <see langword="null"/> when the key values were not text.</summary>
    public IReadOnlyList<string>? ClassNames => _info.Classes.Names;

    /// <summary>The image column.</summary>
    public string FeatureColumnName => _info.FeatureColumnName;

    /// <summary>The label column of training.</summary>
    public string LabelColumnName => _info.LabelColumnName;

    /// <summary>The backbone family.</summary>
    public BackboneArchitecture Architecture => _info.Spec.Architecture;

    /// <summary>Image channels expected in <see cref="FeatureColumnName"/>.</summary>
    public int ImageChannels => _info.Spec.Channels;

    /// <summary>Image height expected in <see cref="FeatureColumnName"/>.</summary>
    public int ImageHeight => _info.Spec.ImageHeight;

    /// <summary>Image width expected in <see cref="FeatureColumnName"/>.</summary>
    public int ImageWidth => _info.Spec.ImageWidth;

    /// <summary>Always <see langword="true"/>: the classifier scores row by row, so prediction engines can use it.</summary>
    public bool IsRowToRowMapper => true;

    internal ClassifierInfo Info => _info;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or has the wrong size, or the label column
    /// is a key type with a different class count than in training.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _model.GetOutputSchema(inputSchema);

    /// <inheritdoc/>
    public IDataView Transform(IDataView input) => _model.Transform(input);

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _model.GetRowToRowMapper(inputSchema);

    /// <summary>Not supported: ML.NET's model format has no public way to store or load a third-party transformer.</summary>
    /// <exception cref="NotSupportedException">Always; use <see cref="Save(string)"/>.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw TorchImageModel.NotSavableInModelZip(nameof(TorchImageClassifierTransformer),
        $"or save it as a plain ML.NET model through ONNX with {nameof(SaveAsMLNetModel)}(mlContext, path) (or mlContext.Model.Save on {nameof(ToMLNetModel)}(mlContext))");

    /// <summary>Writes the classifier to a zip archive (manifest + weights), atomically replacing <paramref name="path"/>.</summary>
    /// <param name="path">The archive file; its directory must exist.</param>
    public void Save(string path) =>
        _model.Save(path, (target, network) => ClassifierArchive.Save(target, CreateManifest(_info, _numberOfThreads), network));

    /// <summary>
    /// Writes the network's backbone on its own to a zip archive (manifest + weights), atomically replacing
    /// <paramref name="path"/>. A trainer with the same backbone (architecture, image channels, width and, for ResNet,
    /// blocks per stage) can start from it with <see cref="NetworkOptions.InitialBackbonePath"/>,
    /// whatever its classes.
    /// </summary>
    /// <param name="path">The archive file; its directory must exist.</param>
    public void SaveBackbone(string path) => _model.SaveBackbone(path);

    /// <summary>
    /// Reads a classifier written by <see cref="Save(string)"/>. Every manifest field is checked (bounded sizes, class names
    /// one per class, names of at most 1024 characters, a manifest of at most 16 MiB), and the declared network against the
    /// weights' size, before the network is built; each weight tensor is checked against it. Loading changes no
    /// process-wide setting: TorchSharp's thread count stays as it is (the saved one is kept for <see cref="Save(string)"/>).
    /// </summary>
    /// <param name="mlContext">The context (used for logging).</param>
    /// <param name="path">The archive file.</param>
    /// <returns>The classifier, ready to score.</returns>
    /// <exception cref="InvalidDataException">The file is not a classifier archive (or not a zip), has a newer format version,
    /// declares a value out of range (the message names the field, what was expected and what was got), or holds weights
    /// that do not fit the declared network.</exception>
    public static TorchImageClassifierTransformer Load(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (manifest, network) = ClassifierArchive.Load(path);
        var info = new ClassifierInfo(manifest.FeatureColumnName, manifest.LabelColumnName, manifest.Network,
            new ClassLabels(manifest.Network.ClassCount, manifest.ClassNames), manifest.InputScale, manifest.InferenceBatchSize);
        TorchImageModel.LogLoaded(mlContext, nameof(TorchImageClassifierTransformer),
            $"Loaded a {manifest.Network.Architecture} classifier with {info.Classes.Count} classes from '{path}'.");

        return new TorchImageClassifierTransformer(info, new ImageClassifierPredictor(network, manifest.Network, manifest.InputScale), manifest.NumberOfThreads);
    }

    /// <summary>Copies this classifier's weights into <paramref name="network"/> (same <see cref="ImageNetworkSpec"/>).</summary>
    internal void CopyWeightsTo(ImageNetwork network) => _model.Use(source => network.load_state_dict(source.state_dict()));

    /// <summary>Releases the network's native memory, after any prediction in progress on another thread. Predictions
    /// through views, cursors or prediction engines made before then throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _model.Dispose();

    /// <summary>The manifest a classifier of <paramref name="info"/> is saved with.</summary>
    internal static ClassifierManifest CreateManifest(ClassifierInfo info, int numberOfThreads) => new()
    {
        Network = info.Spec,
        ClassNames = info.Classes.Names,
        FeatureColumnName = info.FeatureColumnName,
        LabelColumnName = info.LabelColumnName,
        InputScale = info.InputScale,
        InferenceBatchSize = info.InferenceBatchSize,
        NumberOfThreads = numberOfThreads,
    };
}
