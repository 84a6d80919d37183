// The consumer of eng/pack-consumer-check.sh: an application outside the repository that uses MLNet.SelfTraining and
// MLNet.SelfTraining.Vision from their packages. It writes a few PNG files (horizontal vs vertical bar), reads them with
// LoadImagePixels, self-trains the TorchSharp classifier for a few steps and checks the student on held-out images; then
// self-trains an ML.NET classifier with its rounds scored by the installed mlnet-selftraining tool (args[0]).
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Sharding;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.ImageFiles;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

const int Side = 12;
TorchSharp.torch.set_num_threads(1);
var folder = Directory.CreateTempSubdirectory("pack-consumer-images-").FullName;
var random = new Random(1);
string[] classes = ["h", "v"];

Row Image(int index, int label, bool labeled)
{
    using var image = new Image<L8>(Side, Side);
    for (var y = 0; y < Side; y++)
    {
        for (var x = 0; x < Side; x++)
        {
            image[x, y] = new L8((byte)random.Next(0, 50));
        }
    }

    var at = random.Next(2, Side - 2);
    for (var k = 2; k < Side - 2; k++)
    {
        image[label == 0 ? k : at, label == 0 ? at : k] = new L8(255);
    }

    var file = $"{index}.png";
    image.SaveAsPng(Path.Combine(folder, file));
    return new Row { ImagePath = file, Label = labeled ? classes[label] : "" };
}

var train = Enumerable.Range(0, 60).Select(i => Image(i, i % 2, labeled: i < 12)).ToArray();   // 12 labeled, 48 unlabeled
var test = Enumerable.Range(100, 40).Select(i => Image(i, i % 2, labeled: true)).ToArray();

var ml = new MLContext(seed: 1);
var keys = ml.Data.LoadFromEnumerable(classes.Select(c => new LabelRow { Label = c }));
TorchImageClassifierTrainer.Options Classifier() => new()
{
    Network = new NetworkOptions { ImageChannels = 1, ImageHeight = Side, ImageWidth = Side, BaseWidth = 8 },
    Optimization = new OptimizationOptions { NumberOfSteps = 60, BatchSize = 16, LearningRate = 0.01, Seed = 1 },
};
// LoadImagePixels is fitted on its own: its estimator cannot describe its output column to a trainer later in the
// same EstimatorChain (ML.NET 5 keeps SchemaShape.Column's constructor internal).
var pixels = ml.Transforms.LoadImagePixels(ml, new ImagePixelsOptions { ImageFolder = folder, Height = Side, Width = Side })
    .Append(ml.Transforms.Conversion.MapValueToKey("Label", keyData: keys))
    .Fit(ml.Data.LoadFromEnumerable(train));
var selfTraining = ml.MulticlassClassification.Trainers.SelfTraining(ml, ml.MulticlassClassification.Trainers.TorchImageClassifier(ml, Classifier()),
    unlabeledData: null,
    new SelfTrainingOptions { MaximumIterations = 1, Student = ml.MulticlassClassification.Trainers.TorchImageClassifier(ml, Classifier()) });
using var model = selfTraining.Fit(pixels.Transform(ml.Data.LoadFromEnumerable(train)));
var metrics = ml.MulticlassClassification.Evaluate(model.Transform(pixels.Transform(ml.Data.LoadFromEnumerable(test))));
Console.WriteLine($"pack-consumer-check: student accuracy {metrics.MicroAccuracy:P1} on {test.Length} held-out images");

// Sharded scoring through the installed tool (args[0]): an ML.NET teacher on the same pixels, its rounds scored by two
// worker processes of mlnet-selftraining, must give the same predictions as scoring in this process.
uint[] LinearPredictions(ShardingOptions? sharding)
{
    var context = new MLContext(seed: 1);
    var linear = context.MulticlassClassification.Trainers.SelfTraining(context, context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(),
        unlabeledData: null, new SelfTrainingOptions { MaximumIterations = 2, Sharding = sharding });
    var fitted = linear.Fit(pixels.Transform(context.Data.LoadFromEnumerable(train)));
    return fitted.Transform(pixels.Transform(context.Data.LoadFromEnumerable(test))).GetColumn<uint>("PredictedLabel").ToArray();
}

var inProcess = LinearPredictions(null);
var sharded = LinearPredictions(new ShardingOptions { Runner = new LocalProcessShardRunner(workers: 2, command: args[0]) });
var same = inProcess.Zip(sharded).Count(pair => pair.First == pair.Second);
Console.WriteLine($"pack-consumer-check: sharded rounds (2 worker processes of the installed tool) predict as in-process scoring on {same} of {test.Length} images");
Directory.Delete(folder, recursive: true);
return metrics.MicroAccuracy >= 0.8 && same == test.Length ? 0 : 1;

internal sealed class Row
{
    public string ImagePath { get; set; } = "";
    public string Label { get; set; } = "";
}

internal sealed class LabelRow
{
    public string Label { get; set; } = "";
}
