using System.CommandLine;
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;
using SceneSegmentation;
using Spectre.Console;

const int Seed = 1;
var canvasOption = new Option<int>("--canvas") { Description = "Height and width of the generated scenes in pixels (64 or 96; with --voc, the size images are resized to).", DefaultValueFactory = _ => 64 };
var labeledOption = new Option<int>("--labeled") { Description = "Labeled scenes (with their masks).", DefaultValueFactory = _ => 200 };
var unlabeledOption = new Option<int>("--unlabeled") { Description = "Unlabeled scenes (masks hidden; kept only to measure the pseudo masks).", DefaultValueFactory = _ => 2000 };
var testOption = new Option<int>("--test") { Description = "Test scenes the teacher and the student are compared on.", DefaultValueFactory = _ => 300 };
var stepsOption = new Option<int>("--steps") { Description = "Training steps of the teacher and of the student (batches of 32).", DefaultValueFactory = _ => 600 };
var outputOption = new Option<string>("--output") { Description = "Folder the model (SceneSegmentationModel.zip) and the figure (SceneSegmentation.masks.png) are written to.", DefaultValueFactory = _ => "." };
var vocOption = new Option<string?>("--voc") { Description = "Self-train on your own PASCAL VOC layout folder instead: ImageSets/Segmentation/train.txt labeled, val.txt test, JPEGImages without a SegmentationClass mask unlabeled." };
var vocClassesOption = new Option<string?>("--voc-classes") { Description = "With --voc: the class names, comma-separated, background first (default: PASCAL VOC's 21)." };
var root = new RootCommand("Self-training a TorchSharp segmenter on generated multi-digit scenes: teacher vs student mean IoU.")
{
    canvasOption,
    labeledOption,
    unlabeledOption,
    testOption,
    stepsOption,
    outputOption,
    vocOption,
    vocClassesOption,
};
root.SetAction(parse =>
{
    if (!AnsiConsole.Profile.Capabilities.Interactive)
    {
        AnsiConsole.Profile.Width = 160;   // a log file or CI: Spectre's 80-column default would wrap the tables and lines
    }

    var clock = Stopwatch.StartNew();
    var mlContext = new MLContext(seed: Seed);
    int size = parse.GetValue(canvasOption), steps = parse.GetValue(stepsOption);
    var output = Directory.CreateDirectory(parse.GetValue(outputOption)!).FullName;
    if (parse.GetValue(vocOption) is { } voc)
    {
        var classNames = parse.GetValue(vocClassesOption)?.Split(',', StringSplitOptions.TrimEntries);
        var (labeled, unlabeled, test) = VocFolder.Load(mlContext, voc, size, classNames);
        Report.Voc(Path.GetFullPath(voc), labeled.GetRowCount() ?? 0, unlabeled.GetColumn<string>("ImagePath").LongCount(), test.GetRowCount() ?? 0, size,
            classNames?.Length ?? MLNet.SelfTraining.Vision.Datasets.VocSegmentationOptions.PascalVocClassNames.Count);
        SegmentationWorkflow.Run(mlContext, labeled, unlabeled, test, VocFolder.Channels, size, steps, diagnosticMaskColumnName: null, output);
    }
    else
    {
        var split = SceneSplit.Create(MnistDataset.ReadEmbedded10k(), parse.GetValue(labeledOption), parse.GetValue(unlabeledOption), parse.GetValue(testOption),
            objectCentricImages: 0, new SceneOptions { CanvasSize = size }, Seed);
        Report.Scenes(split, Seed);
        SegmentationWorkflow.Run(mlContext, split.LoadLabeled(mlContext), split.LoadUnlabeled(mlContext), split.LoadTest(mlContext), channels: 1, size, steps,
            SceneSet.TrueMaskColumnName, output);
    }

    Console.WriteLine($"Done in {clock.Elapsed.TotalMinutes:F1} min.");
    return 0;
});
return root.Parse(args).Invoke();
