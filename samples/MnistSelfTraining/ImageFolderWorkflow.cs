using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.ImageFiles;
using MLNet.SelfTraining.Vision.Models;

namespace MnistSelfTraining;

/// <summary>
/// <c>--images &lt;folder&gt;</c>: self-trains the TorchSharp CNN on the user's own images (<c>labeled/&lt;class&gt;/**</c>,
/// <c>unlabeled/**</c>), holding out a fifth of the labeled images to compare the teacher and the student.
/// </summary>
internal static class ImageFolderWorkflow
{
    private const double HeldOutFraction = 0.2;

    /// <returns>Test accuracy of the teacher (round 0) and of each round's student, on the held-out images.</returns>
    public static double[] Run(MLContext mlContext, string folder, int channels, int size, int steps, CnnRecipe recipe)
    {
        var data = mlContext.Data.LoadImageFolder(folder);
        var split = mlContext.Data.TrainTestSplit(data.Labeled, HeldOutFraction, seed: 1);
        Console.WriteLine($"Image folder {data.Folder}: classes [{string.Join(", ", data.ClassNames)}], "
            + $"{split.TrainSet.GetColumn<string>("ImagePath").Count()} labeled for training, {split.TestSet.GetColumn<string>("ImagePath").Count()} held out, "
            + $"{data.Unlabeled.GetColumn<string>("ImagePath").Count()} unlabeled; images read as {channels}×{size}×{size}.");

        var pixels = new ImagePixelsOptions { ImageFolder = data.Folder, Channels = channels, Height = size, Width = size, SkipInvalidImages = true };
        var read = mlContext.Transforms.Conversion.MapValueToKey("Label", keyData: data.ClassNameData)
            .Append(mlContext.Transforms.LoadImagePixels(mlContext, pixels))
            .Fit(data.All);
        var network = new NetworkOptions { ImageChannels = channels, ImageHeight = size, ImageWidth = size };
        var accuracy = CnnWorkflow.Run(mlContext, read.Transform(split.TrainSet), read.Transform(data.Unlabeled), read.Transform(split.TestSet), steps, recipe,
            network, unlabeledAreLabeled: false);
        foreach (var (file, reason) in read.LastTransformer.SkippedFiles)
        {
            Console.WriteLine($"Skipped {file}: {reason}");
        }

        return accuracy;
    }
}
