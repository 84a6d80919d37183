using System.CommandLine;
using Microsoft.ML;
using MLNet.SelfTraining.SampleData;
using MnistSelfTraining;

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
    var mlContext = new MLContext(seed: 1);
    if (parse.GetValue(imagesOption) is { } images)
    {
        ImageFolderWorkflow.Run(mlContext, images, parse.GetValue(channelsOption), parse.GetValue(sizeOption), parse.GetValue(stepsOption), parse.GetValue(recipeOption));
        return 0;
    }

    var split = MnistSplit.Canonical(MnistDataset.ReadEmbedded10k(), parse.GetValue(labeledOption));
    Report.Data(split);
    var labeled = split.LoadLabeled(mlContext);
    var unlabeled = split.Data.ToDataView(mlContext, split.Unlabeled);
    var test = split.LoadTest(mlContext);

    var model = LogProgress.Run(mlContext, "Self-training LbfgsMaximumEntropy on pixels…",
        () => MnistModel.RetrainModel(mlContext, labeled, unlabeled, parse.GetValue(roundsOption)));
    Report.Rounds(model);
    Report.Metrics("pixels + LbfgsMaximumEntropy",
        mlContext.MulticlassClassification.Evaluate(model.Teacher.Transform(test)),
        mlContext.MulticlassClassification.Evaluate(model.Transform(test)));

    MnistModel.SaveModel(mlContext, model, labeled, MnistModel.MLNetModelPath);
    Report.Prediction(split);

    int steps = parse.GetValue(stepsOption);
    if (steps > 0)
    {
        CnnWorkflow.Run(mlContext, labeled, unlabeled, test, steps, parse.GetValue(recipeOption));
    }

    return 0;
});
return root.Parse(args).Invoke();
