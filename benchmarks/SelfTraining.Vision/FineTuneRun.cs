using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace SelfTraining.Vision;

/// <summary>
/// Runs one configuration: the TorchSharp classifier on the ImageNet ResNet-18, its backbone from the ImageNet weights of
/// <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> (referenced by this project, which copies its ResNet18.onnx to the
/// output folder) or from random weights, fitted on the k labeled digits upscaled to side×side; test accuracy.
/// </summary>
internal static class FineTuneRun
{
    /// <summary>The package's ONNX file in the output folder.</summary>
    private static string ImageNetWeights => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    public static FineTuneResult Run(FineTuneConfig config)
    {
        var started = UtcStamp.Now();
        var mlContext = new MLContext(seed: config.Seed);
        mlContext.Log += (_, e) =>                        // the trainer's progress goes to the run's log
        {
            if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Info && e.Source.Contains("TorchImageClassifier", StringComparison.Ordinal))
            {
                Console.Error.WriteLine(e.Message);
            }
        };
        var split = SplitChoice.Create(config.Split, config.Labeled);
        var labeled = UpscaledDigits.Load(mlContext, split.Data, split.Labeled, config.Side);
        var test = UpscaledDigits.Load(mlContext, split.Data, split.Test, config.Side);
        var options = new TorchImageClassifierTrainer.Options
        {
            Network = new NetworkOptions
            {
                Architecture = BackboneArchitecture.ImageNetResNet18,
                ImageChannels = 1,
                ImageHeight = config.Side,
                ImageWidth = config.Side,
                InitialBackbonePath = config.Init == FineTuneConfig.ImageNet ? ImageNetWeights : null,
            },
            Optimization = new OptimizationOptions
            {
                NumberOfSteps = config.Steps,
                BatchSize = config.BatchSize,
                LearningRate = config.LearningRate,
                InferenceBatchSize = 64,
                Seed = config.Seed,
            },
            Augmentation = new AugmentationOptions { Policy = config.Policy },
        };

        var clock = Stopwatch.StartNew();
        using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(labeled);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var accuracy = mlContext.MulticlassClassification.Evaluate(model.Transform(test)).MicroAccuracy;
        return new FineTuneResult("ML.NET/TorchSharp", config, accuracy, fitSeconds, PeakMemory.PeakRssMiB(), started);
    }
}
