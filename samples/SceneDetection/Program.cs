using System.CommandLine;
using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;
using SceneDetection;
using Spectre.Console;

const int Seed = 1;
var canvasOption = new Option<int>("--canvas") { Description = "Height and width of the generated scenes in pixels (a multiple of 4, e.g. 64 or 96).", DefaultValueFactory = _ => 64 };
var labeledOption = new Option<int>("--labeled") { Description = "Labeled scenes (with their boxes).", DefaultValueFactory = _ => 200 };
var unlabeledOption = new Option<int>("--unlabeled") { Description = "Unlabeled scenes (boxes hidden; kept only to measure the pseudo boxes).", DefaultValueFactory = _ => 2000 };
var testOption = new Option<int>("--test") { Description = "Test scenes the teacher and the student are compared on.", DefaultValueFactory = _ => 300 };
var stepsOption = new Option<int>("--steps") { Description = "Training steps of the teacher and of the student (batches of 32).", DefaultValueFactory = _ => 600 };
var outputOption = new Option<string>("--output") { Description = "Folder the model (SceneDetectionModel.zip) and the figure (SceneDetection.boxes.png) are written to.", DefaultValueFactory = _ => "." };
var root = new RootCommand("Self-training a TorchSharp object detector on generated multi-digit scenes: teacher vs student COCO-style AP.")
{
    canvasOption,
    labeledOption,
    unlabeledOption,
    testOption,
    stepsOption,
    outputOption,
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
    var split = SceneSplit.Create(MnistDataset.ReadEmbedded10k(), parse.GetValue(labeledOption), parse.GetValue(unlabeledOption), parse.GetValue(testOption),
        objectCentricImages: 0, new SceneOptions { CanvasSize = size }, Seed);
    Report.Scenes(split, Seed);
    DetectionWorkflow.Run(mlContext, split.LoadLabeled(mlContext), split.LoadUnlabeled(mlContext), split.LoadTest(mlContext), size, steps, output);
    Console.WriteLine($"Done in {clock.Elapsed.TotalMinutes:F1} min.");
    return 0;
});
return root.Parse(args).Invoke();
