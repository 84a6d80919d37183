using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNet.SelfTraining.Students;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// Trains a TorchSharp object detector (CenterNet-lite: boxes as heatmap peaks with a size and an offset); the student
/// (and teacher) of self-training after Zoph et al. 2020. Create it with
/// <see cref="TorchObjectDetectorCatalog.TorchDetector(DetectionCatalog.DetectionTrainers, TorchObjectDetectorTrainer.Options)"/>.
/// </summary>
/// <remarks>
/// <para><b>Input and output columns</b> (ML.NET's object detection columns).</para>
/// <list type="table">
/// <listheader><term>Column</term><description>Type and meaning</description></listheader>
/// <item><term><see cref="Options.FeatureColumnName"/></term><description>Known-size vector of <see cref="float"/>, C×H×W pixels (input).</description></item>
/// <item><term><see cref="Options.LabelColumnName"/></term><description>Vector of Key&lt;<see cref="uint"/>, K&gt;, one key per
/// box; key k + 1 is class k; K (the key count) is the number of object classes, named by the column's <c>KeyValues</c>
/// annotation when it has one, else "0" … "K−1" (input, training only).</description></item>
/// <item><term><see cref="Options.BoxColumnName"/></term><description>Vector of <see cref="float"/>, 4 per box: x0, y0, x1, y1 in
/// pixels, x to the right and y down, the image spanning [0, W]×[0, H] (input, training only).</description></item>
/// <item><term><see cref="Options.ExampleWeightColumnName"/></term><description>Optional <see cref="float"/> multiplying each image's loss sums.</description></item>
/// <item><term><see cref="Options.PseudoLabelFlagColumnName"/></term><description>Optional <see cref="bool"/>; its presence switches on student mode.</description></item>
/// <item><term><c>PredictedLabel</c></term><description>Vector of Key&lt;<see cref="uint"/>, K&gt; with the class names as
/// <c>KeyValues</c> (so <c>MapKeyToValue</c> works): each detected box's class (output).</description></item>
/// <item><term><c>Score</c></term><description>Vector of <see cref="float"/>: each box's score, descending (output).</description></item>
/// <item><term><c>PredictedBoundingBoxes</c></term><description>Vector of <see cref="float"/>, 4 per box: x0, y0, x1, y1 in
/// pixels, clipped to the image (output).</description></item>
/// </list>
/// <para><b>Network.</b> A backbone of <see cref="NetworkOptions.Architecture"/> (the small CNN by default: a stride-4 map
/// of 2w channels at width w) and a CenterNet head on its map (<c>DetectionHead</c>: heatmap, size and offset branches,
/// each a 3×3 convolution, ReLU and a 1×1 convolution).</para>
/// <para><b>Trainer characteristics.</b> Normalization required: no (set <see cref="NetworkOptions.InputScale"/> so
/// pixels are in [0, 1]). Required NuGet besides Microsoft.ML: TorchSharp and TorchVision, plus a native backend in the
/// application (TorchSharp-cpu or a CUDA package). Exportable to ONNX: no. Model persistence:
/// <see cref="TorchObjectDetectorTransformer.Save(string)"/> (not <c>mlContext.Model.Save</c>).</para>
/// <para><b>Training data.</b> Every row is labeled: a row with no box is an image known to hold no object, and is
/// trained on as all background. The rows are read into memory once. A box reaching past the image is clipped to it.
/// These are errors (<see cref="ArgumentException"/>, naming the row and the box): a box column whose length is not 4 ×
/// the label count; a key 0 (missing) or above K; a box with a NaN or infinite coordinate; an empty box (x1 ≤ x0 or
/// y1 ≤ y0); a box with no area left once clipped to the image. Rows with a non-finite pixel or weight are skipped with a
/// warning.</para>
/// <para><b>Training.</b> Each step takes a batch and augments images and boxes together
/// (<see cref="Options.Augmentation"/>: the geometric steps move each box with the pixels, clip it to the image and drop it
/// with its label when it leaves the image; the photometric steps are colour-only; no flips by default). The targets are
/// CenterNet's on the network's map of stride s: per box a Gaussian peak of its class at its centre cell (radius from
/// CenterNet's <c>gaussian_radius</c> at IoU 0.7), its size in cells and the centre's offset from the cell. The loss is
/// CenterNet's: the penalty-reduced focal loss on the heatmap plus 0.1 × the L1 size loss plus the L1 offset loss, each
/// summed over the images (times their example weights) and divided by the number of boxes; with SGD or AdamW under a
/// warmup-cosine learning rate (<see cref="Options.Optimization"/>). <b>Student mode</b> (<see cref="Options.Student"/>)
/// starts when the training data has the <see cref="Options.PseudoLabelFlagColumnName"/> column (the self-training
/// estimator adds it through <see cref="IPseudoLabelConsumer"/>): batches mix human and pseudo-labeled rows at
/// <see cref="StudentOptions.PseudoLabelRatio"/> (the human rows cycle), each stream's loss is divided by its own number of
/// boxes, and <see cref="LossNormalizer"/> combines them with α = <see cref="SelfTrainingOptions.PseudoLabelWeight"/>
/// (1 outside self-training). Fitted as a self-training student, it refuses to train without its flag column rather
/// than train as a plain supervised model, and the run's cancellation token stops it within a step. TorchSharp's random
/// seed and thread count are process-wide and set by <see cref="Fit"/>.</para>
/// <para><b>Decoding.</b> Boxes are the heatmap's local maxima (3×3), the top 100 over classes and cells, turned into
/// corners with their size and offset, clipped to the image, kept when their score is at least
/// <see cref="Options.ScoreThreshold"/>, thinned by per-class NMS at <see cref="Options.NmsIouThreshold"/>, at most
/// <see cref="Options.MaximumDetections"/> per image.</para>
/// </remarks>
public sealed partial class TorchObjectDetectorTrainer : IEstimator<TorchObjectDetectorTransformer>, IPseudoLabelConsumer
{
    private readonly IHost _host;
    private readonly Options _options;

    internal TorchObjectDetectorTrainer(MLContext mlContext, Options options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        DetectorOptionsValidation.Check(options);
        _host = ((IHostEnvironment)mlContext).Register(nameof(TorchObjectDetectorTrainer));
        _options = options;
    }

    /// <inheritdoc/>
    public string PseudoLabelFlagColumnName => _options.PseudoLabelFlagColumnName;

    /// <summary>Always <see langword="null"/>: the detector trains on hard pseudo boxes (the paper's recipe).</summary>
    public string? SoftLabelColumnName => null;

    /// <inheritdoc/>
    public string? ExampleWeightColumnName => _options.ExampleWeightColumnName;

    /// <summary>Trains the network on <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type or size, the model would be
    /// one that <see cref="TorchObjectDetectorTransformer.Load(MLContext, string)"/> refuses (e.g. a scoring batch beyond
    /// its memory bound), or the backbone archive of <see cref="NetworkOptions.InitialBackbonePath"/> has a different backbone.</exception>
    /// <exception cref="ArgumentException">A row's labels or boxes are invalid (see the remarks); the message names the row,
    /// the column and the box.</exception>
    /// <exception cref="InvalidDataException">The file of <see cref="NetworkOptions.InitialBackbonePath"/> is not a backbone
    /// archive, declares a value out of range, or holds weights that do not fit its backbone.</exception>
    /// <exception cref="InvalidOperationException">The data has no usable rows, or the trainer is fitted as a self-training
    /// student without its flag column.</exception>
    /// <exception cref="OperationCanceledException"><see cref="Options.CancellationToken"/> or the run's token was cancelled.</exception>
    public TorchObjectDetectorTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (columns, classNames) = DetectorInputChecks.CheckTraining(input.Schema, _options);
        var run = StudentRegistration.Join(this, nameof(TorchObjectDetectorTrainer), columns.PseudoFlag is not null);
        var spec = ImageNetworkSpec.From(_options.Network, classNames.Length);
        var info = new DetectorInfo(_options.FeatureColumnName, _options.LabelColumnName, _options.BoxColumnName, spec, classNames,
            _options.Network.InputScale, _options.Optimization.InferenceBatchSize,
            new DetectionDecoding(_options.ScoreThreshold, _options.NmsIouThreshold, _options.MaximumDetections), OutputNames(_options));
        LoadableModel.Require(path => DetectorManifestChecks.Check(TorchObjectDetectorTransformer.CreateManifest(info, _options.Optimization.NumberOfThreads), path),
            nameof(TorchObjectDetectorTrainer));
        using var channel = _host.Start("Training");
        var checks = new DetectionLabelChecks(columns.Labels.Name, columns.Box.Name, spec.ClassCount, spec.ImageWidth, spec.ImageHeight);
        var data = DetectionSetReader.Read(input, columns, checks, _options.Network.InputScale, channel);
        var seed = TorchGlobals.Apply(_options.Optimization, _host);
        var network = InitialWeights.Apply(DetectorNetwork.Create(spec), _options.Network, nameof(TorchObjectDetectorTrainer));
        try
        {
            new DetectorTraining(_options, spec, seed, channel, run).Run(network, data);
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return new TorchObjectDetectorTransformer(info, new DetectorPredictor(network, spec, info.InputScale, info.Decoding), _options.Optimization.NumberOfThreads);
    }

    /// <summary>The input columns plus <c>PredictedLabel</c> (vector of keys with the class names annotation),
    /// <c>Score</c> and <c>PredictedBoundingBoxes</c> (vectors of <see cref="float"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image, label or box column is missing or has the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        StudentContext.Current?.Register(this);
        DetectorInputChecks.CheckShape(inputSchema, _options);
        // A shape records an annotation's kind and type, not its values: any names describe PredictedLabel's annotation.
        return DetectorOutputs.Shape(inputSchema, OutputNames(_options), ["0"]);
    }

    private static DetectionOutputNames OutputNames(Options options) =>
        new(options.PredictedLabelColumnName, options.ScoreColumnName, options.PredictedBoundingBoxesColumnName);
}
