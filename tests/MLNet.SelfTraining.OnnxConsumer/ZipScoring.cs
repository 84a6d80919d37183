using Microsoft.ML;

namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>Loads a plain ML.NET zip in a fresh context and scores the images with it (<see cref="ModelScoring"/>).</summary>
internal static class ZipScoring
{
    public static ScoringResult Run(string modelPath, IReadOnlyList<LabeledImage> images)
    {
        var mlContext = new MLContext(seed: 1);
        var model = mlContext.Model.Load(modelPath, out var inputSchema);
        return ModelScoring.Run(mlContext, model, inputSchema.Single(), images);
    }
}
