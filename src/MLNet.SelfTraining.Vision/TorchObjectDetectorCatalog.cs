using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace MLNet.SelfTraining.Vision;

/// <summary>Entry points of the TorchSharp object detector on <c>mlContext.Detection().Trainers</c>.</summary>
public static class TorchObjectDetectorCatalog
{
    /// <summary>Creates a <see cref="TorchObjectDetectorTrainer"/> with the most common settings.</summary>
    /// <param name="catalog">The detection trainer catalog (<c>mlContext.Detection().Trainers</c>).</param>
    /// <param name="featureColumnName">The image column: a known-size vector of <paramref name="imageChannels"/>·<paramref name="imageHeight"/>·<paramref name="imageWidth"/> floats.</param>
    /// <param name="labelColumnName">The label column: a vector of Key&lt;<see cref="uint"/>, K&gt;, one key per box.</param>
    /// <param name="boxColumnName">The box column: a vector of <see cref="float"/>, x0, y0, x1, y1 in pixels per box.</param>
    /// <param name="imageChannels">Image channels.</param>
    /// <param name="imageHeight">Image height.</param>
    /// <param name="imageWidth">Image width.</param>
    /// <param name="architecture">The backbone family.</param>
    /// <param name="augmentation">The augmentation policy, applied to images and boxes together (flips stay off; see <see cref="AugmentationOptions.HorizontalFlip"/>).</param>
    /// <param name="numberOfEpochs">Passes over the training data (over the pseudo-labeled rows in student mode).</param>
    /// <param name="numberOfSteps">Optimizer steps; when set it replaces <paramref name="numberOfEpochs"/>.</param>
    /// <param name="batchSize">Rows per training batch.</param>
    /// <param name="learningRate">Peak learning rate.</param>
    /// <param name="exampleWeightColumnName">Optional <see cref="float"/> column multiplying each image's loss sums.</param>
    /// <returns>The trainer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the exception names it).</exception>
    public static TorchObjectDetectorTrainer TorchDetector(
        this DetectionCatalog.DetectionTrainers catalog,
        string featureColumnName = TorchObjectDetectorTrainer.Options.Defaults.FeatureColumnName,
        string labelColumnName = TorchObjectDetectorTrainer.Options.Defaults.LabelColumnName,
        string boxColumnName = TorchObjectDetectorTrainer.Options.Defaults.BoxColumnName,
        int imageChannels = NetworkOptions.Defaults.ImageChannels,
        int imageHeight = NetworkOptions.Defaults.ImageHeight,
        int imageWidth = NetworkOptions.Defaults.ImageWidth,
        BackboneArchitecture architecture = BackboneArchitecture.SmallCnn,
        AugmentationPolicy augmentation = AugmentationPolicy.None,
        int numberOfEpochs = OptimizationOptions.Defaults.NumberOfEpochs,
        int? numberOfSteps = null,
        int batchSize = TorchObjectDetectorTrainer.Options.Defaults.BatchSize,
        double learningRate = OptimizationOptions.Defaults.LearningRate,
        string? exampleWeightColumnName = null) =>
        TorchDetector(catalog, new TorchObjectDetectorTrainer.Options
        {
            FeatureColumnName = featureColumnName,
            LabelColumnName = labelColumnName,
            BoxColumnName = boxColumnName,
            ExampleWeightColumnName = exampleWeightColumnName,
            Network = new NetworkOptions
            {
                ImageChannels = imageChannels,
                ImageHeight = imageHeight,
                ImageWidth = imageWidth,
                Architecture = architecture,
            },
            Optimization = new OptimizationOptions
            {
                NumberOfEpochs = numberOfEpochs,
                NumberOfSteps = numberOfSteps,
                BatchSize = batchSize,
                LearningRate = learningRate,
                InferenceBatchSize = TorchObjectDetectorTrainer.Options.Defaults.InferenceBatchSize,
            },
            Augmentation = new AugmentationOptions { Policy = augmentation },
        });

    /// <summary>Creates a <see cref="TorchObjectDetectorTrainer"/> from <paramref name="options"/>.</summary>
    /// <param name="catalog">The detection trainer catalog (<c>mlContext.Detection().Trainers</c>).</param>
    /// <param name="options">The options; see <see cref="TorchObjectDetectorTrainer.Options"/> for the defaults.</param>
    /// <returns>The trainer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the exception names it).</exception>
    public static TorchObjectDetectorTrainer TorchDetector(this DetectionCatalog.DetectionTrainers catalog, TorchObjectDetectorTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new TorchObjectDetectorTrainer(catalog.MLContext, options);
    }
}
