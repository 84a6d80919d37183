using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Vision.Data;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// Trains a TorchSharp convolutional network for multiclass image classification; the student (and teacher) of
/// self-training after Zoph et al. 2020. Create it with
/// <see cref="TorchImageClassifierCatalog.TorchImageClassifier(MulticlassClassificationCatalog.MulticlassClassificationTrainers, MLContext, TorchImageClassifierTrainer.Options)"/>.
/// </summary>
/// <remarks>
/// <para><b>Input and output columns.</b></para>
/// <list type="table">
/// <listheader><term>Column</term><description>Type and meaning</description></listheader>
/// <item><term><see cref="Options.FeatureColumnName"/></term><description>Known-size vector of <see cref="float"/>, C×H×W pixels (input).</description></item>
/// <item><term><see cref="Options.LabelColumnName"/></term><description>Key type (input, training only; checked at scoring when present).</description></item>
/// <item><term><see cref="Options.ExampleWeightColumnName"/></term><description>Optional <see cref="float"/> multiplying each row's loss.</description></item>
/// <item><term><see cref="Options.PseudoLabelFlagColumnName"/></term><description>Optional <see cref="bool"/>; its presence switches on student mode.</description></item>
/// <item><term><see cref="Options.SoftLabelColumnName"/></term><description>Optional vector of K probabilities used as soft targets.</description></item>
/// <item><term>Score</term><description>Vector of K <see cref="float"/> class probabilities (output).</description></item>
/// <item><term>PredictedLabel</term><description>The label's key type, with its key values (output).</description></item>
/// </list>
/// <para><b>Trainer characteristics.</b> Normalization required: no (set <see cref="NetworkOptions.InputScale"/> so
/// pixels are in [0, 1]). Required NuGet besides Microsoft.ML: TorchSharp and TorchVision, plus a native backend in the
/// application (TorchSharp-cpu or a CUDA package). Exportable to ONNX: no. Model persistence:
/// <see cref="TorchImageClassifierTransformer.Save(string)"/> (not <c>mlContext.Model.Save</c>).</para>
/// <para><b>Training.</b> The training rows are read into memory once. Each step takes a batch, augments it
/// (<see cref="Options.Augmentation"/>), and minimizes cross-entropy with SGD or AdamW under a warmup-cosine learning
/// rate (<see cref="Options.Optimization"/>). <b>Student mode</b> (<see cref="Options.Student"/>) starts when the
/// training data has the <see cref="Options.PseudoLabelFlagColumnName"/> column (the self-training estimator adds it
/// through <see cref="IPseudoLabelConsumer"/>): batches mix human and pseudo-labeled rows at
/// <see cref="StudentOptions.PseudoLabelRatio"/> (the human rows cycle), and the two losses are combined by
/// <see cref="LossNormalizer"/> with α = <see cref="SelfTrainingOptions.PseudoLabelWeight"/> (1 outside self-training);
/// with <see cref="StudentOptions.OnlineRelabelThreshold"/> the network also replaces the
/// teacher's pseudo labels by its own confident predictions as it trains (and with
/// <see cref="StudentOptions.MaskUnconfidentPseudoRows"/> leaves the pseudo rows it is unsure of out of the loss:
/// FixMatch). Fitted as a self-training student (found by the self-training stage anywhere in the student pipeline),
/// it refuses to train without its flag column rather than train as a plain supervised model, and the run's
/// cancellation token stops it within a step. TorchSharp's random seed and thread count are process-wide and set by <see cref="Fit"/>.</para>
/// </remarks>
public sealed partial class TorchImageClassifierTrainer : IEstimator<TorchImageClassifierTransformer>, IPseudoLabelConsumer
{
    private readonly MLContext _mlContext;
    private readonly IHost _host;
    private readonly Options _options;

    internal TorchImageClassifierTrainer(MLContext mlContext, Options options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        OptionsValidation.Check(options);
        _mlContext = mlContext;
        _host = ((IHostEnvironment)mlContext).Register(nameof(TorchImageClassifierTrainer));
        _options = options;
    }

    /// <inheritdoc/>
    public string PseudoLabelFlagColumnName => _options.PseudoLabelFlagColumnName;

    /// <inheritdoc/>
    public string? SoftLabelColumnName => _options.SoftLabelColumnName;

    /// <inheritdoc/>
    public string? ExampleWeightColumnName => _options.ExampleWeightColumnName;

    /// <summary>Trains the network on <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type, or
    /// <see cref="Options.InitialModel"/> has a different network, or the model would be one that
    /// <see cref="TorchImageClassifierTransformer.Load(MLContext, string)"/> refuses (e.g. more than 65,536 classes), or the backbone archive of
    /// <see cref="NetworkOptions.InitialBackbonePath"/> has a different backbone.</exception>
    /// <exception cref="InvalidDataException">The file of <see cref="NetworkOptions.InitialBackbonePath"/> is not a backbone
    /// archive, declares a value out of range (named in the message), or holds weights that do not fit its backbone; or,
    /// with <see cref="Models.Backbones.BackboneArchitecture.ImageNetResNet18"/>, is neither a backbone archive nor the package's ResNet-18
    /// ONNX model (the node or initializer that differs is named).</exception>
    /// <exception cref="InvalidOperationException">The data has no usable rows.</exception>
    /// <exception cref="OperationCanceledException"><see cref="Options.CancellationToken"/> was cancelled.</exception>
    public TorchImageClassifierTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (columns, classes) = InputChecks.CheckTraining(input.Schema, _options, ImageNetworkSpec.From(_options.Network, classCount: 2));
        var run = StudentRegistration.Join(this, nameof(TorchImageClassifierTrainer), columns.PseudoFlag is not null);
        var spec = ImageNetworkSpec.From(_options.Network, classes.Count);
        CheckInitialModel(spec, _startFrom ?? _options.InitialModel,
            _startFrom is null ? $"The '{nameof(Options.InitialModel)}' option" : "The model given to StartFrom (the teacher)");
        var info = new ClassifierInfo(_options.FeatureColumnName, _options.LabelColumnName, spec, classes,
            _options.Network.InputScale, _options.Optimization.InferenceBatchSize);
        LoadableModel.Require(path => ClassifierManifestChecks.Check(TorchImageClassifierTransformer.CreateManifest(info, _options.Optimization.NumberOfThreads), path),
            nameof(TorchImageClassifierTrainer));
        using var channel = _host.Start("Training");
        var seed = TorchGlobals.Apply(_options.Optimization, _host);
        var data = TrainingSetReader.Read(input, columns, classes.Count, _options.Network.InputScale, channel);
        var network = CreateNetwork(spec);
        try
        {
            new ClassifierTraining(_options, spec, seed, channel, run).Run(network, data);
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return new TorchImageClassifierTransformer(info, new ImageClassifierPredictor(network, spec, _options.Network.InputScale), _options.Optimization.NumberOfThreads);
    }

    /// <summary>
    /// The network training starts from: weights drawn from TorchSharp's (seeded) generator, then replaced by the initial
    /// model's (<see cref="StartFrom"/> or <see cref="Options.InitialModel"/>) or, without one, the backbone's by the
    /// archive of <see cref="NetworkOptions.InitialBackbonePath"/> (the head keeps its drawn weights).
    /// </summary>
    internal ImageNetwork CreateNetwork(ImageNetworkSpec spec) =>
        InitialWeights.Apply(ClassifierNetwork.Create(spec), _options.Network, nameof(TorchImageClassifierTrainer),
            (_startFrom ?? _options.InitialModel) is { } initial ? initial.CopyWeightsTo : null);

    /// <summary>
    /// The input columns plus <c>Score</c> (vector of <see cref="float"/>) and <c>PredictedLabel</c> (the label's key type),
    /// as for ML.NET's multiclass trainers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The image or label column is missing or has the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        StudentContext.Current?.Register(this);
        ShapeChecks.Features(inputSchema, _options.FeatureColumnName);
        var label = ShapeChecks.Find(inputSchema, _options.LabelColumnName) ?? throw SchemaErrors.Missing("label", _options.LabelColumnName);
        if (!label.IsKey || label.Kind != SchemaShape.Column.VectorKind.Scalar)
        {
            throw SchemaErrors.Mismatch("label", label.Name, "Key<UInt32>", $"{label.Kind} of {label.ItemType}");
        }

        // SchemaShape.Column has no public constructor: a standard multiclass trainer derives the same output shape.
        return _mlContext.MulticlassClassification.Trainers
            .NaiveBayes(_options.LabelColumnName, _options.FeatureColumnName)
            .GetOutputSchema(inputSchema);
    }

    private static void CheckInitialModel(ImageNetworkSpec spec, TorchImageClassifierTransformer? initial, string source)
    {
        if (initial is null)
        {
            return;
        }

        var other = initial.Info.Spec;
        if (!other.Backbone.HasTheShapeOf(spec.Backbone) || other.ImageHeight != spec.ImageHeight
            || other.ImageWidth != spec.ImageWidth || other.ClassCount != spec.ClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(Options.InitialModel),
                $"{source} of {nameof(TorchImageClassifierTrainer)} must have the network being trained: "
                + $"expected {spec.Describe()}, got {other.Describe()}.");
        }
    }
}
