using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

/// <summary>Small classifiers on 1×28×28 MNIST digits (a few seconds to train) and what they score.</summary>
internal static class OnnxTestModels
{
    private static readonly MnistSplit Split = MnistSplit.Canonical(MnistDataset.ReadEmbedded10k(), labeledCount: 250);

    /// <summary>The first 300 canonical test digits.</summary>
    public static IDataView TestDigits(MLContext mlContext) => Split.Data.ToDataView(mlContext, Split.Test.Take(300));

    /// <summary>A classifier of <paramref name="architecture"/> at width 8 (ResNet: blocks 1,1, input scale 0.5), 30 steps on 250 digits.</summary>
    public static TorchImageClassifierTransformer Digits(MLContext mlContext, BackboneArchitecture architecture)
    {
        var options = TinyClassifier.Options(steps: 30);
        options.Network.ImageHeight = options.Network.ImageWidth = MnistData.ImageSide;
        options.Network.Architecture = architecture;
        if (architecture == BackboneArchitecture.ResNet)
        {
            options.Network.BlocksPerStage = [1, 1];
            options.Network.InputScale = 0.5f;   // the graph must scale the pixels as the classifier does
        }

        return mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(Split.LoadLabeled(mlContext));
    }

    /// <summary>Trains <see cref="Digits"/>, scores <see cref="TestDigits"/> with it, saves it as a plain ML.NET zip at <paramref name="path"/>.</summary>
    /// <returns>What the TorchSharp classifier gave on the test digits.</returns>
    public static TorchSharpResult SaveDigitClassifier(BackboneArchitecture architecture, string path)
    {
        var mlContext = new MLContext(seed: 1);
        using var classifier = Digits(mlContext, architecture);
        var scored = classifier.Transform(TestDigits(mlContext));
        var result = new TorchSharpResult(Scores(scored), Keys(scored), mlContext.MulticlassClassification.Evaluate(scored).MicroAccuracy);
        classifier.SaveAsMLNetModel(mlContext, path);
        return result;
    }

    public static float[][] Scores(IDataView scored) => [.. scored.GetColumn<float[]>("Score")];

    public static uint[] Keys(IDataView scored) => [.. scored.GetColumn<uint>("PredictedLabel")];

    /// <summary>A fresh temporary file path (the test deletes the file).</summary>
    public static string TempPath(string extension) => Path.Combine(Path.GetTempPath(), $"mlnet-onnx-{Guid.NewGuid():N}{extension}");
}

/// <summary>The TorchSharp classifier's scores, predicted keys and accuracy on the test digits.</summary>
internal sealed record TorchSharpResult(float[][] Scores, uint[] Keys, double Accuracy);
