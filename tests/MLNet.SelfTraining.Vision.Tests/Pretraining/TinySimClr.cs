using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Pretraining;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Pretraining;

/// <summary>SimCLR options for fast tests: the small CNN at width 8 on the 1×12×12 synthetic images, a fixed seed, few steps.</summary>
internal static class TinySimClr
{
    public static TorchSimClrEstimator.Options Options(int steps = 20, int seed = 1) => new()
    {
        Network = TinyClassifier.Network(),
        Optimization = TinyClassifier.Optimization(steps, seed, batchSize: 16),
        Augmentation = new AugmentationOptions { Policy = AugmentationPolicy.S1 },
    };

    /// <summary>Unlabeled-looking synthetic images (the label column is there but never read).</summary>
    public static IDataView Images(MLContext mlContext, int count = 48, int seed = 1) =>
        mlContext.Data.LoadFromEnumerable(SyntheticImages.Rows(count, seed));

    /// <summary>Fits <paramref name="options"/> on <paramref name="data"/> (the synthetic images by default).</summary>
    public static TorchSimClrTransformer Fit(MLContext mlContext, TorchSimClrEstimator.Options options, IDataView? data = null) =>
        mlContext.Transforms.SimClrImageEmbedding(mlContext, options).Fit(data ?? Images(mlContext));

    /// <summary>Every row's embedding.</summary>
    public static float[][] Embeddings(IDataView scored, string column = "Embedding") =>
        [.. scored.GetColumn<float[]>(column)];
}
