using System.CommandLine;
using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining.SampleData;
using MnistSelfTraining;
using Spectre.Console;

var labeledOption = new Option<int>("--labeled") { Description = "Labeled images (k, a multiple of 10) of the canonical MNIST-10k split.", DefaultValueFactory = _ => 100 };
var roundsOption = new Option<int>("--rounds") { Description = "Self-training rounds of the tabular (pixels) workflow.", DefaultValueFactory = _ => 3 };
var stepsOption = new Option<int>("--cnn-steps") { Description = "Training steps of the TorchSharp CNN teacher and of its student (0 skips the CNN part).", DefaultValueFactory = _ => 500 };
var recipeOption = new Option<CnnRecipe>("--cnn-recipe") { Description = "How the CNN student is self-trained: Paper (Zoph et al., ~2.5 min) or FixMatch (the best students measured, ~15 min on 2 cores).", DefaultValueFactory = _ => CnnRecipe.Paper };
var imagesOption = new Option<string?>("--images") { Description = "Self-train the TorchSharp CNN on your own images instead: a folder with labeled/<class>/*.png|jpg and unlabeled/** (a fifth of the labeled images is held out)." };
var channelsOption = new Option<int>("--image-channels") { Description = "With --images: 1 (grey) or 3 (RGB).", DefaultValueFactory = _ => 1 };
var sizeOption = new Option<int>("--image-size") { Description = "With --images: images are resized to this height and width.", DefaultValueFactory = _ => 28 };
var root = new RootCommand("Self-training on the embedded MNIST-10k: an ML.NET trainer on pixels, then a TorchSharp CNN student.")
{
    labeledOption,
    roundsOption,
    stepsOption,
    recipeOption,
    imagesOption,
    channelsOption,
    sizeOption,
};
root.SetAction(parse =>
{
    if (!AnsiConsole.Profile.Capabilities.Interactive)
    {
        AnsiConsole.Profile.Width = 160;   // a log file or CI: Spectre's 80-column default would wrap the tables and lines
    }

    var clock = Stopwatch.StartNew();
    var mlContext = new MLContext(seed: 1);
    var accuracy = new List<(string Model, double[] Accuracy)>();
    int steps = parse.GetValue(stepsOption);
    if (parse.GetValue(imagesOption) is { } images)
    {
        accuracy.Add(("TorchSharp CNN", ImageFolderWorkflow.Run(mlContext, images, parse.GetValue(channelsOption), parse.GetValue(sizeOption), steps, parse.GetValue(recipeOption))));
    }
    else
    {
        var split = MnistSplit.Canonical(MnistDataset.ReadEmbedded10k(), parse.GetValue(labeledOption));
        Report.Data(split);
        accuracy.Add(("pixels + L-BFGS", PixelsWorkflow.Run(mlContext, split, parse.GetValue(roundsOption))));
        if (steps > 0)
        {
            accuracy.Add(("TorchSharp CNN", CnnWorkflow.Run(mlContext, split.LoadLabeled(mlContext), split.Data.ToDataView(mlContext, split.Unlabeled), split.LoadTest(mlContext), steps, parse.GetValue(recipeOption))));
            int index = split.Test[^1];
            Report.Prediction("The CNN student", MnistCnnModel.ModelPath, "TorchImageClassifierTransformer.Load",
                MnistCnnModel.PredictAllLabels(PixelsWorkflow.Input(split, index)), index, $"{split.Data.GetLabel(index)}");
        }
    }

    Report.Figure("test accuracy per round", Plots.AccuracyPerRound("MnistSelfTraining.accuracy-per-round.png", accuracy));
    Console.WriteLine($"Done in {clock.Elapsed.TotalMinutes:F1} min.");
    return 0;
});
return root.Parse(args).Invoke();
