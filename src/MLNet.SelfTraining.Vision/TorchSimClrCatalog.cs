using Microsoft.ML;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Pretraining;

namespace MLNet.SelfTraining.Vision;

/// <summary>Entry points of SimCLR self-supervised backbone pre-training on ML.NET's transforms catalog.</summary>
public static class TorchSimClrCatalog
{
    /// <summary>Creates a <see cref="TorchSimClrEstimator"/> with the most common settings (the small CNN backbone, S4
    /// augmentation of each view).</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="mlContext">The context the catalog belongs to (ML.NET keeps its environment internal), used for logging and seeding.</param>
    /// <param name="outputColumnName">The embedding column: the backbone's globally average-pooled features.</param>
    /// <param name="inputColumnName">The image column: a known-size vector of <paramref name="imageChannels"/>·<paramref name="imageHeight"/>·<paramref name="imageWidth"/> floats in [0, 1].</param>
    /// <param name="imageChannels">Image channels.</param>
    /// <param name="imageHeight">Image height.</param>
    /// <param name="imageWidth">Image width.</param>
    /// <param name="numberOfSteps">Optimizer steps.</param>
    /// <param name="batchSize">Images per step (each gives two views).</param>
    /// <param name="temperature">The NT-Xent temperature τ.</param>
    /// <returns>The estimator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (the exception names it).</exception>
    public static TorchSimClrEstimator SimClrImageEmbedding(
        this TransformsCatalog catalog,
        MLContext mlContext,
        string outputColumnName = TorchSimClrEstimator.Options.Defaults.OutputColumnName,
        string inputColumnName = TorchSimClrEstimator.Options.Defaults.FeatureColumnName,
        int imageChannels = NetworkOptions.Defaults.ImageChannels,
        int imageHeight = NetworkOptions.Defaults.ImageHeight,
        int imageWidth = NetworkOptions.Defaults.ImageWidth,
        int numberOfSteps = TorchSimClrEstimator.Options.Defaults.NumberOfSteps,
        int batchSize = OptimizationOptions.Defaults.BatchSize,
        double temperature = TorchSimClrEstimator.Options.Defaults.Temperature)
    {
        var options = new TorchSimClrEstimator.Options
        {
            OutputColumnName = outputColumnName,
            FeatureColumnName = inputColumnName,
            Temperature = temperature,
        };
        (options.Network.ImageChannels, options.Network.ImageHeight, options.Network.ImageWidth) = (imageChannels, imageHeight, imageWidth);
        (options.Optimization.NumberOfSteps, options.Optimization.BatchSize) = (numberOfSteps, batchSize);
        return SimClrImageEmbedding(catalog, mlContext, options);
    }

    /// <summary>Creates a <see cref="TorchSimClrEstimator"/> from <paramref name="options"/>.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="mlContext">The context the catalog belongs to, used for logging and seeding.</param>
    /// <param name="options">The options; see <see cref="TorchSimClrEstimator.Options"/> for the defaults.</param>
    /// <returns>The estimator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the exception names it).</exception>
    public static TorchSimClrEstimator SimClrImageEmbedding(
        this TransformsCatalog catalog,
        MLContext mlContext,
        TorchSimClrEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new TorchSimClrEstimator(mlContext, options);
    }
}
