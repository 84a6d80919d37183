using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace SelfTraining.Sharding;

/// <summary>
/// An image workload, made once per folder: a TorchSharp detector or segmenter (SmallCnn, S1, batch 32, 1 thread, seed 1)
/// trained for a few steps on generated MNIST scenes (quality irrelevant: the cost of scoring is what is measured),
/// exported with <c>SaveAsMLNetModel</c> (ONNX inside a plain ML.NET zip, as the workers load it), and the unlabeled
/// scenes' pixels saved as one ML.NET binary file.
/// </summary>
internal static class ImageData
{
    public static readonly string[] Tasks = ["detection", "segmentation"];

    /// <summary>The workload of <paramref name="task"/>, reused when <paramref name="work"/> already holds it.</summary>
    public static Workload Prepare(string work, string task, int canvas, int images, int labeled, int steps)
    {
        var folder = Path.Combine(work, $"{task}-c{canvas}-n{images}-l{labeled}-s{steps}");
        return Workload.ReadOrMake(folder, () => Make(folder, task, canvas, images, labeled, steps));
    }

    private static Workload Make(string folder, string task, int canvas, int images, int labeled, int steps)
    {
        var ml = new MLContext(seed: 1);
        var split = SceneSplit.Create(MnistDataset.ReadEmbedded10k(), labeled, images, testScenes: 0, objectCentricImages: 0, new SceneOptions { CanvasSize = canvas }, seed: 1);
        var input = Path.Combine(folder, "input-000.idv");
        var unlabeled = split.LoadUnlabeled(ml);
        using (var stream = File.Create(input))
        {
            ml.Data.SaveAsBinary(ml.Transforms.SelectColumns(DefaultColumnNames.Features).Fit(unlabeled).Transform(unlabeled), stream, keepHidden: false);
        }

        var teacher = Path.Combine(folder, "teacher.zip");
        var network = new NetworkOptions { ImageChannels = 1, ImageHeight = canvas, ImageWidth = canvas };
        var optimization = new OptimizationOptions { NumberOfSteps = steps, BatchSize = 32, InferenceBatchSize = 64, NumberOfThreads = 1, Seed = 1 };
        var augmentation = new AugmentationOptions { Policy = AugmentationPolicy.S1 };
        IReadOnlyList<string> columns;
        if (task == "detection")
        {
            using var detector = ml.Detection().Trainers.TorchDetector(new TorchObjectDetectorTrainer.Options { Network = network, Optimization = optimization, Augmentation = augmentation })
                .Fit(split.LoadLabeled(ml));
            detector.SaveAsMLNetModel(ml, teacher);
            columns = [DefaultColumnNames.PredictedLabel, DefaultColumnNames.Score, DefaultColumnNames.PredictedBoundingBoxes];
        }
        else if (task == "segmentation")
        {
            using var segmenter = ml.Segmentation().Trainers.TorchSegmenter(new TorchImageSegmenterTrainer.Options { Network = network, Optimization = optimization, Augmentation = augmentation })
                .Fit(split.LoadLabeled(ml));
            segmenter.SaveAsMLNetModel(ml, teacher);
            columns = [DefaultColumnNames.PredictedMask, DefaultColumnNames.Confidence];
        }
        else
        {
            throw new ArgumentException($"Unknown task '{task}'; expected one of {string.Join(", ", Tasks)}.", nameof(task));
        }

        return new Workload(task, task, teacher, [input], columns, images);
    }
}
