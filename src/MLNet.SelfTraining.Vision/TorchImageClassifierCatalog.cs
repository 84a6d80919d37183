using Microsoft.ML;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MLNet.SelfTraining.Vision;

/// <summary>Entry points of the TorchSharp image classifier on ML.NET's multiclass trainer catalog.</summary>
public static class TorchImageClassifierCatalog
{
    /// <summary>Creates a <see cref="TorchImageClassifierTrainer"/> with the most common settings.</summary>
    /// <param name="catalog">The multiclass trainer catalog.</param>
    /// <param name="mlContext">The context the catalog belongs to (ML.NET keeps its environment internal), used for logging and seeding.</param>
    /// <param name="labelColumnName">The key-typed label column.</param>
    /// <param name="featureColumnName">The image column: a known-size vector of <paramref name="imageChannels"/>·<paramref name="imageHeight"/>·<paramref name="imageWidth"/> floats.</param>
    /// <param name="imageChannels">Image channels.</param>
    /// <param name="imageHeight">Image height.</param>
    /// <param name="imageWidth">Image width.</param>
    /// <param name="architecture">The backbone family.</param>
    /// <param name="augmentation">The augmentation policy (flips stay off; see <see cref="AugmentationOptions.HorizontalFlip"/>).</param>
    /// <param name="numberOfEpochs">Passes over the training data.</param>
    /// <param name="batchSize">Rows per training batch.</param>
    /// <param name="learningRate">Peak learning rate.</param>
    /// <param name="exampleWeightColumnName">Optional <see cref="float"/> column multiplying each row's loss.</param>
    /// <returns>The trainer.</returns>
    public static TorchImageClassifierTrainer TorchImageClassifier(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        MLContext mlContext,
        string labelColumnName = TorchImageClassifierTrainer.Options.Defaults.LabelColumnName,
        string featureColumnName = TorchImageClassifierTrainer.Options.Defaults.FeatureColumnName,
        int imageChannels = NetworkOptions.Defaults.ImageChannels,
        int imageHeight = NetworkOptions.Defaults.ImageHeight,
        int imageWidth = NetworkOptions.Defaults.ImageWidth,
        BackboneArchitecture architecture = BackboneArchitecture.SmallCnn,
        AugmentationPolicy augmentation = AugmentationPolicy.None,
        int numberOfEpochs = OptimizationOptions.Defaults.NumberOfEpochs,
        int batchSize = OptimizationOptions.Defaults.BatchSize,
        double learningRate = OptimizationOptions.Defaults.LearningRate,
        string? exampleWeightColumnName = null) =>
        TorchImageClassifier(catalog, mlContext, new TorchImageClassifierTrainer.Options
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
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
                BatchSize = batchSize,
                LearningRate = learningRate,
            },
            Augmentation = new AugmentationOptions { Policy = augmentation },
        });

    /// <summary>Creates a <see cref="TorchImageClassifierTrainer"/> from <paramref name="options"/>.</summary>
    /// <param name="catalog">The multiclass trainer catalog.</param>
    /// <param name="mlContext">The context the catalog belongs to, used for logging and seeding.</param>
    /// <param name="options">The options; see <see cref="TorchImageClassifierTrainer.Options"/> for the defaults.</param>
    /// <returns>The trainer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the exception names it).</exception>
    public static TorchImageClassifierTrainer TorchImageClassifier(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        MLContext mlContext,
        TorchImageClassifierTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new TorchImageClassifierTrainer(mlContext, options);
    }

    /// <summary>
    /// Self-training of the TorchSharp image classifier with a recipe (<see cref="ImageSelfTrainingRecipe.Paper"/> or
    /// <see cref="ImageSelfTrainingRecipe.FixMatch"/>): the teacher and the student are classifiers with the recipe's
    /// options.
    /// </summary>
    /// <param name="catalog">The multiclass trainer catalog.</param>
    /// <param name="mlContext">The context the catalog belongs to, used for logging, seeding and temporary files.</param>
    /// <param name="unlabeledData">Unlabeled images, or <see langword="null"/> to use only training rows whose label is missing.</param>
    /// <param name="recipe">The recipe; its options are read when this method is called.</param>
    /// <returns>The self-training estimator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option of the recipe is out of range (the exception names it).</exception>
    public static SelfTrainingEstimator SelfTraining(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        MLContext mlContext,
        IDataView? unlabeledData,
        ImageSelfTrainingRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(recipe);
        recipe.SelfTraining.Student = catalog.TorchImageClassifier(mlContext, recipe.Student);
        return catalog.SelfTraining(mlContext, catalog.TorchImageClassifier(mlContext, recipe.Teacher), unlabeledData, recipe.SelfTraining);
    }
}
