using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision;

/// <summary>Entry points of the TorchSharp image segmenter on <c>mlContext.Segmentation().Trainers</c>.</summary>
public static class TorchImageSegmenterCatalog
{
    /// <summary>Creates a <see cref="TorchImageSegmenterTrainer"/> with the most common settings.</summary>
    /// <param name="catalog">The segmentation trainer catalog (<c>mlContext.Segmentation().Trainers</c>).</param>
    /// <param name="featureColumnName">The image column: a known-size vector of <paramref name="imageChannels"/>·<paramref name="imageHeight"/>·<paramref name="imageWidth"/> floats.</param>
    /// <param name="maskColumnName">The mask column: a known-size vector of <paramref name="imageHeight"/>·<paramref name="imageWidth"/> bytes (<see cref="SegmentationMasks"/>).</param>
    /// <param name="imageChannels">Image channels.</param>
    /// <param name="imageHeight">Image height.</param>
    /// <param name="imageWidth">Image width.</param>
    /// <param name="numberOfClasses">The number of classes, used only when the mask column has no class names annotation.</param>
    /// <param name="architecture">The backbone family.</param>
    /// <param name="augmentation">The augmentation policy, applied to images and masks together (flips stay off; see <see cref="AugmentationOptions.HorizontalFlip"/>).</param>
    /// <param name="numberOfEpochs">Passes over the training data (over the pseudo-labeled rows in student mode).</param>
    /// <param name="numberOfSteps">Optimizer steps; when set it replaces <paramref name="numberOfEpochs"/>.</param>
    /// <param name="batchSize">Rows per training batch.</param>
    /// <param name="learningRate">Peak learning rate.</param>
    /// <param name="exampleWeightColumnName">Optional <see cref="float"/> column multiplying each row's per-pixel losses.</param>
    /// <returns>The trainer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the exception names it).</exception>
    public static TorchImageSegmenterTrainer TorchSegmenter(
        this SegmentationCatalog.SegmentationTrainers catalog,
        string featureColumnName = TorchImageSegmenterTrainer.Options.Defaults.FeatureColumnName,
        string maskColumnName = TorchImageSegmenterTrainer.Options.Defaults.MaskColumnName,
        int imageChannels = NetworkOptions.Defaults.ImageChannels,
        int imageHeight = NetworkOptions.Defaults.ImageHeight,
        int imageWidth = NetworkOptions.Defaults.ImageWidth,
        int? numberOfClasses = null,
        BackboneArchitecture architecture = BackboneArchitecture.SmallCnn,
        AugmentationPolicy augmentation = AugmentationPolicy.None,
        int numberOfEpochs = OptimizationOptions.Defaults.NumberOfEpochs,
        int? numberOfSteps = null,
        int batchSize = TorchImageSegmenterTrainer.Options.Defaults.BatchSize,
        double learningRate = OptimizationOptions.Defaults.LearningRate,
        string? exampleWeightColumnName = null) =>
        TorchSegmenter(catalog, new TorchImageSegmenterTrainer.Options
        {
            FeatureColumnName = featureColumnName,
            MaskColumnName = maskColumnName,
            NumberOfClasses = numberOfClasses,
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
                InferenceBatchSize = TorchImageSegmenterTrainer.Options.Defaults.InferenceBatchSize,
            },
            Augmentation = new AugmentationOptions { Policy = augmentation },
        });

    /// <summary>Creates a <see cref="TorchImageSegmenterTrainer"/> from <paramref name="options"/>.</summary>
    /// <param name="catalog">The segmentation trainer catalog (<c>mlContext.Segmentation().Trainers</c>).</param>
    /// <param name="options">The options; see <see cref="TorchImageSegmenterTrainer.Options"/> for the defaults.</param>
    /// <returns>The trainer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the exception names it).</exception>
    public static TorchImageSegmenterTrainer TorchSegmenter(this SegmentationCatalog.SegmentationTrainers catalog, TorchImageSegmenterTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new TorchImageSegmenterTrainer(catalog.MLContext, options);
    }
}
