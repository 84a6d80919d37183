using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// Trains a TorchSharp network for semantic segmentation (one class per pixel); the student (and teacher) of
/// self-training after Zoph et al. 2020. Create it with
/// <see cref="TorchImageSegmenterCatalog.TorchSegmenter(SegmentationCatalog.SegmentationTrainers, TorchImageSegmenterTrainer.Options)"/>.
/// </summary>
/// <remarks>
/// <para><b>Input and output columns.</b></para>
/// <list type="table">
/// <listheader><term>Column</term><description>Type and meaning</description></listheader>
/// <item><term><see cref="Options.FeatureColumnName"/></term><description>Known-size vector of <see cref="float"/>, C×H×W pixels (input).</description></item>
/// <item><term><see cref="Options.MaskColumnName"/></term><description>Known-size vector of H·W <see cref="byte"/>
/// (<see cref="SegmentationMasks"/>): class index 0…K−1 or 255 = ignore (input, training only). K is the number of names
/// in its <see cref="SegmentationMasks.ClassNamesAnnotation"/> annotation, or <see cref="Options.NumberOfClasses"/>.</description></item>
/// <item><term><see cref="Options.ExampleWeightColumnName"/></term><description>Optional <see cref="float"/> multiplying each row's per-pixel losses.</description></item>
/// <item><term><see cref="Options.PseudoLabelFlagColumnName"/></term><description>Optional <see cref="bool"/>; its presence switches on student mode.</description></item>
/// <item><term><c>PredictedMask</c></term><description>Vector of H·W <see cref="byte"/>, the most probable class of each pixel, with the class names annotation (output).</description></item>
/// <item><term><c>Confidence</c></term><description>Vector of H·W <see cref="float"/>, the probability of each pixel's predicted class (output).</description></item>
/// </list>
/// <para><b>Network.</b> A backbone of <see cref="NetworkOptions.Architecture"/> (the small CNN by default, stride 4)
/// and an FCN head on its feature map (<c>SegmentationHead</c>: two dilated conv-bn-relu, dropout, a 1×1 classifier,
/// bilinear upsampling to the input's H×W).</para>
/// <para><b>Trainer characteristics.</b> Normalization required: no (set <see cref="NetworkOptions.InputScale"/> so
/// pixels are in [0, 1]). Required NuGet besides Microsoft.ML: TorchSharp and TorchVision, plus a native backend in the
/// application (TorchSharp-cpu or a CUDA package). Exportable to ONNX: no. Model persistence:
/// <see cref="TorchImageSegmenterTransformer.Save(string)"/> (not <c>mlContext.Model.Save</c>).</para>
/// <para><b>Training.</b> The training rows are read into memory once; rows with a non-finite pixel or weight, and rows
/// whose mask is 255 everywhere, are skipped with a warning; a mask value that is neither below K nor 255 is an error.
/// Each step takes a batch, augments images and masks together (<see cref="Options.Augmentation"/>), and minimizes the
/// per-pixel cross-entropy with 255 ignored: each row's pixel losses times its example weight, summed over the valid
/// pixels and divided by their number; with SGD or AdamW under a warmup-cosine learning rate
/// (<see cref="Options.Optimization"/>). <b>Student mode</b> (<see cref="Options.Student"/>) starts when the training data
/// has the <see cref="Options.PseudoLabelFlagColumnName"/> column (the self-training estimator adds it through
/// <see cref="IPseudoLabelConsumer"/>): batches mix human and pseudo-labeled rows at
/// <see cref="StudentOptions.PseudoLabelRatio"/> (the human rows cycle), the human and pseudo losses are each averaged over
/// their own valid pixels and combined by <see cref="LossNormalizer"/> with α =
/// <see cref="SelfTrainingOptions.PseudoLabelWeight"/> (1 outside self-training). Fitted as a self-training student, it
/// refuses to train without its flag column rather than train as a plain supervised model, and the run's cancellation
/// token stops it within a step. TorchSharp's random seed and thread count are process-wide and set by <see cref="Fit"/>.</para>
/// </remarks>
public sealed partial class TorchImageSegmenterTrainer : IEstimator<TorchImageSegmenterTransformer>, IPseudoLabelConsumer
{
    private readonly IHost _host;
    private readonly Options _options;

    internal TorchImageSegmenterTrainer(MLContext mlContext, Options options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        SegmenterOptionsValidation.Check(options);
        _host = ((IHostEnvironment)mlContext).Register(nameof(TorchImageSegmenterTrainer));
        _options = options;
    }

    /// <inheritdoc/>
    public string PseudoLabelFlagColumnName => _options.PseudoLabelFlagColumnName;

    /// <summary>Always <see langword="null"/>: the segmenter trains on hard pseudo masks (the paper's recipe).</summary>
    public string? SoftLabelColumnName => null;

    /// <inheritdoc/>
    public string? ExampleWeightColumnName => _options.ExampleWeightColumnName;

    /// <summary>Trains the network on <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type or size, the classes are
    /// unknown, the model would be one that <see cref="TorchImageSegmenterTransformer.Load(MLContext, string)"/> refuses (e.g. a scoring
    /// batch beyond its memory bound), or the backbone archive of <see cref="NetworkOptions.InitialBackbonePath"/> has a different backbone.</exception>
    /// <exception cref="InvalidDataException">The file of <see cref="NetworkOptions.InitialBackbonePath"/> is not a backbone
    /// archive, declares a value out of range, or holds weights that do not fit its backbone.</exception>
    /// <exception cref="InvalidOperationException">A mask holds a value that is neither a class nor 255, the data has no
    /// usable rows, or the trainer is fitted as a self-training student without its flag column.</exception>
    /// <exception cref="OperationCanceledException"><see cref="Options.CancellationToken"/> or the run's token was cancelled.</exception>
    public TorchImageSegmenterTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (columns, classNames) = SegmenterInputChecks.CheckTraining(input.Schema, _options);
        var run = StudentRegistration.Join(this, nameof(TorchImageSegmenterTrainer), columns.PseudoFlag is not null);
        var spec = ImageNetworkSpec.From(_options.Network, classNames.Length);
        var info = new SegmenterInfo(_options.FeatureColumnName, _options.MaskColumnName, spec, classNames,
            _options.Network.InputScale, _options.Optimization.InferenceBatchSize);
        LoadableModel.Require(path => SegmenterManifestChecks.Check(TorchImageSegmenterTransformer.CreateManifest(info, _options.Optimization.NumberOfThreads), path),
            nameof(TorchImageSegmenterTrainer));
        using var channel = _host.Start("Training");
        var seed = TorchGlobals.Apply(_options.Optimization, _host);
        var data = SegmentationSetReader.Read(input, columns, spec.ClassCount, spec.ImageWidth, _options.Network.InputScale, channel);
        var network = InitialWeights.Apply(SegmenterNetwork.Create(spec), _options.Network, nameof(TorchImageSegmenterTrainer));
        try
        {
            new SegmenterTraining(_options, spec, seed, channel, run).Run(network, data);
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return new TorchImageSegmenterTransformer(info, new SegmenterPredictor(network, spec, _options.Network.InputScale), _options.Optimization.NumberOfThreads);
    }

    /// <summary>The input columns plus <c>PredictedMask</c> (vector of <see cref="byte"/> with the class names annotation)
    /// and <c>Confidence</c> (vector of <see cref="float"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image or mask column is missing or has the wrong type, or the
    /// mask has no class names annotation and <see cref="Options.NumberOfClasses"/> is not set.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        StudentContext.Current?.Register(this);
        SegmenterInputChecks.CheckShape(inputSchema, _options);
        // A shape records an annotation's kind and type, not its values: any K names describe PredictedMask's annotation.
        var classNames = SegmenterInputChecks.IndexNames(_options.NumberOfClasses ?? 2);
        return SegmenterOutputs.Shape(inputSchema, classNames, _options.Network.ImageHeight * _options.Network.ImageWidth);
    }
}
