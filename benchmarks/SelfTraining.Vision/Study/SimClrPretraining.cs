using Microsoft.ML;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Pretraining;

namespace SelfTraining.Vision.Study;

/// <summary>The study's SimCLR pre-training: the one place that builds the library's SimCLR estimator's options.</summary>
internal static class SimClrPretraining
{
    /// <summary>
    /// Fits SimCLR on <paramref name="images"/> (their labels unused) with the scene trainers' network (no dropout before
    /// the projection head's last layer, the estimator's default) and optimizer at <paramref name="settings"/>' steps,
    /// batch, learning rate and seed, SimCLR's default augmentation and temperature; writes the backbone to <paramref name="backbone"/>.
    /// </summary>
    public static void Run(MLContext mlContext, SceneConfig settings, IDataView images, string backbone)
    {
        var network = SceneTrainerParts.Network(settings);
        network.DropoutRate = 0;
        var options = new TorchSimClrEstimator.Options { Network = network, Optimization = SceneTrainerParts.Optimization(settings, settings.TeacherSteps) };
        using var model = mlContext.Transforms.SimClrImageEmbedding(mlContext, options).Fit(images);
        model.SaveBackbone(backbone);
    }
}
