using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Vision.Data;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Persistence;
using MLNet.SelfTraining.Vision.Tasks;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>
/// Pre-trains a TorchSharp image backbone without labels by SimCLR (Chen et al. 2020, "A Simple Framework for
/// Contrastive Learning of Visual Representations"). Create it with
/// <see cref="TorchSimClrCatalog.SimClrImageEmbedding(TransformsCatalog, MLContext, TorchSimClrEstimator.Options)"/>.
/// </summary>
/// <remarks>
/// <para><b>Input and output columns.</b></para>
/// <list type="table">
/// <listheader><term>Column</term><description>Type and meaning</description></listheader>
/// <item><term><see cref="Options.FeatureColumnName"/></term><description>Known-size vector of <see cref="float"/>, C×H×W pixels (input; no label is read).</description></item>
/// <item><term><see cref="Options.OutputColumnName"/></term><description>Vector of K <see cref="float"/>, the backbone's globally
/// average-pooled features, K = its output channels (output).</description></item>
/// </list>
/// <para><b>Estimator characteristics.</b> Normalization required: no (set <see cref="NetworkOptions.InputScale"/> so
/// pixels are in [0, 1]). Required NuGet besides Microsoft.ML: TorchSharp and TorchVision, plus a native backend in the
/// application. Exportable to ONNX: no. Persistence: <see cref="TorchSimClrTransformer.Save(string)"/> and
/// <see cref="TorchSimClrTransformer.SaveBackbone(string)"/> (not <c>mlContext.Model.Save</c>).</para>
/// <para><b>Training.</b> The images are read into memory once (rows with a non-finite pixel are skipped). Each step
/// takes B images (<see cref="OptimizationOptions.BatchSize"/>, at most the number of images; no image twice in a batch),
/// draws two independent augmentations of each (<see cref="Options.Augmentation"/>), passes the 2B views through the
/// backbone and a projection head (global average pool, linear, ReLU, linear to <see cref="Options.ProjectionDimension"/>),
/// and minimizes NT-Xent: each view must pick the other view of its image among the 2B − 1 other views by the cosine
/// similarity of their projections divided by <see cref="Options.Temperature"/>. SGD or AdamW under a warmup-cosine
/// learning rate (<see cref="Options.Optimization"/>). The projection head is then discarded, as in SimCLR: the embedding
/// is the backbone's pooled features. TorchSharp's random seed and thread count are process-wide and set by
/// <see cref="Fit"/>; with a fixed <see cref="OptimizationOptions.Seed"/> and thread count, a CPU fit reproduces the same
/// weights bit for bit.</para>
/// </remarks>
public sealed partial class TorchSimClrEstimator : IEstimator<TorchSimClrTransformer>
{
    private readonly IHost _host;
    private readonly Options _options;

    internal TorchSimClrEstimator(MLContext mlContext, Options options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        SimClrOptionsValidation.Check(options);
        _host = ((IHostEnvironment)mlContext).Register(nameof(TorchSimClrEstimator));
        _options = options;
    }

    /// <summary>Pre-trains the backbone on the images of <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or has the wrong type or size, or the model
    /// would be one that <see cref="TorchSimClrTransformer.Load(MLContext, string)"/> refuses, or the backbone archive of <see cref="NetworkOptions.InitialBackbonePath"/> has a different backbone.</exception>
    /// <exception cref="InvalidDataException">The file of <see cref="NetworkOptions.InitialBackbonePath"/> is not a backbone
    /// archive, declares a value out of range, or holds weights that do not fit its backbone.</exception>
    /// <exception cref="InvalidOperationException">The data has fewer than 2 usable images.</exception>
    /// <exception cref="OperationCanceledException"><see cref="Options.CancellationToken"/> was cancelled.</exception>
    public TorchSimClrTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var network = _options.Network;
        var features = ImageColumnChecks.Features(input.Schema, _options.FeatureColumnName, network.ImageChannels, network.ImageHeight, network.ImageWidth);
        var info = new SimClrInfo(_options.FeatureColumnName, _options.OutputColumnName, BackboneSpec.From(network),
            network.ImageHeight, network.ImageWidth, network.InputScale, _options.Optimization.InferenceBatchSize);
        LoadableModel.Require(path => SimClrArchive.Check(SimClrManifest.Of(info, _options.Optimization.NumberOfThreads), path),
            nameof(TorchSimClrEstimator));
        using var channel = _host.Start("Training");
        var seed = TorchGlobals.Apply(_options.Optimization, _host);
        var data = UnlabeledImages.Read(input, features, network.InputScale, channel);
        using var training = InitialWeights.Apply(
            SimClrNetwork.CreateTraining(info.Backbone, _options.ProjectionHiddenDimension, network.DropoutRate, _options.ProjectionDimension),
            network, nameof(TorchSimClrEstimator));
        new SimClrTraining(_options, info, seed, channel).Run(training, data);
        return new TorchSimClrTransformer(info, new EmbeddingPredictor(SimClrNetwork.Embedding(training), info), _options.Optimization.NumberOfThreads);
    }

    /// <summary>The input columns plus <see cref="Options.OutputColumnName"/> (a known-size vector of <see cref="float"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or has the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ShapeChecks.Features(inputSchema, _options.FeatureColumnName);
        return SimClrOutputs.Shape(inputSchema, _options.OutputColumnName, (int)BackboneSpec.From(_options.Network).OutputChannels);
    }
}
