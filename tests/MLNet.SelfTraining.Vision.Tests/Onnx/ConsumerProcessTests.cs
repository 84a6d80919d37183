using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using MLNet.SelfTraining.Vision.Tests.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

/// <summary>
/// The plain ML.NET zips of a TorchSharp classifier, segmenter and detector scored in another process that has neither TorchSharp nor this
/// library: tests/MLNet.SelfTraining.OnnxConsumer (Microsoft.ML, Microsoft.ML.OnnxTransformer and ONNX Runtime only),
/// built before this project and run with <c>dotnet</c>; it refuses to run if a TorchSharp or MLNet.SelfTraining
/// assembly is loaded or lies in its folder.
/// </summary>
[TestClass]
public sealed class ConsumerProcessTests
{
    [TestMethod]
    public void AProcessWithoutTorchSharp_LoadsThePlainZip_AndPredictsTheSameDigits()
    {
        var folder = Directory.CreateDirectory(OnnxTestModels.TempPath("")).FullName;
        try
        {
            var expected = OnnxTestModels.SaveDigitClassifier(BackboneArchitecture.SmallCnn, Path.Combine(folder, "model.zip"));
            WriteImages(Path.Combine(folder, "images.tsv"), OnnxTestModels.TestDigits(new MLContext(seed: 1)));
            Run(folder, "model.zip", "images.tsv", "predictions.tsv");

            var lines = File.ReadAllLines(Path.Combine(folder, "predictions.tsv"));
            Assert.HasCount(expected.Keys.Length + 1, lines);
            for (var row = 0; row < expected.Keys.Length; row++)
            {
                var fields = lines[row].Split('\t');
                Assert.AreEqual(expected.Keys[row], uint.Parse(fields[0], CultureInfo.InvariantCulture), $"row {row}");
                Assert.AreEqual($"{expected.Keys[row] - 1}", fields[1], "the key's value is the digit");
                var consumerScores = fields[2].Split(' ').Select(value => float.Parse(value, CultureInfo.InvariantCulture)).ToArray();
                CollectionAssert.AreEqual(expected.Scores[row], consumerScores, new ToleranceComparer(1e-4f), $"row {row}");
            }

            Assert.AreEqual($"accuracy\t{expected.Accuracy.ToString("R", CultureInfo.InvariantCulture)}", lines[^1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void AProcessWithoutTorchSharp_LoadsThePlainSegmenterZip_AndPredictsTheSameMasks()
    {
        var folder = Directory.CreateDirectory(OnnxTestModels.TempPath("")).FullName;
        try
        {
            var mlContext = new MLContext(seed: 1);
            var rows = OnnxTestSegmenters.TestRows();
            byte[][] masks;
            float[][] confidences;
            double pixelAccuracy;
            using (var segmenter = OnnxTestSegmenters.Scenes(mlContext, BackboneArchitecture.SmallCnn))
            {
                var scored = segmenter.Transform(SyntheticScenes.View(mlContext, rows));
                (masks, confidences) = OnnxTestSegmenters.Outputs(scored);
                pixelAccuracy = mlContext.Segmentation().Evaluate(scored).PixelAccuracy;
                segmenter.SaveAsMLNetModel(mlContext, Path.Combine(folder, "segmenter.zip"));
            }

            File.WriteAllLines(Path.Combine(folder, "scenes.tsv"), rows.Select(row =>
                $"{string.Join(' ', row.Mask)}\t{string.Join(' ', row.Features.Select(pixel => pixel.ToString("R", CultureInfo.InvariantCulture)))}"));
            Run(folder, "segment", "segmenter.zip", "scenes.tsv", "masks.tsv");

            var lines = File.ReadAllLines(Path.Combine(folder, "masks.tsv"));
            Assert.HasCount(rows.Length + 1, lines);
            var fields = lines[..^1].Select(line => line.Split('\t')).ToArray();
            var consumerMasks = fields.Select(field => field[0].Split(' ').Select(byte.Parse).ToArray()).ToArray();
            var consumerConfidences = fields.Select(field => field[1].Split(' ').Select(value => float.Parse(value, CultureInfo.InvariantCulture)).ToArray()).ToArray();
            for (var row = 0; row < rows.Length; row++)
            {
                CollectionAssert.AreEqual(masks[row], consumerMasks[row], $"row {row}");
            }

            Assert.IsLessThanOrEqualTo(1e-4f, OnnxTestSegmenters.MaxDifference(confidences, consumerConfidences));
            Assert.AreEqual($"pixel_accuracy\t{pixelAccuracy.ToString("R", CultureInfo.InvariantCulture)}", lines[^1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void AProcessWithoutTorchSharp_LoadsThePlainDetectorZip_AndFindsTheSameBoxes()
    {
        var folder = Directory.CreateDirectory(OnnxTestModels.TempPath("")).FullName;
        try
        {
            var mlContext = new MLContext(seed: 1);
            var rows = OnnxTestDetectors.TestRows();
            Detections[] expected;
            using (var detector = OnnxTestDetectors.Scenes(mlContext, BackboneArchitecture.SmallCnn))
            {
                expected = SyntheticBoxes.Detect(detector.Transform(SyntheticBoxes.View(mlContext, rows)));
                detector.SaveAsMLNetModel(mlContext, Path.Combine(folder, "detector.zip"));
            }

            File.WriteAllLines(Path.Combine(folder, "scenes.tsv"), rows.Select(row =>
                $"-\t{string.Join(' ', row.Features.Select(pixel => pixel.ToString("R", CultureInfo.InvariantCulture)))}"));
            Run(folder, "detect", "detector.zip", "scenes.tsv", "boxes.tsv");

            var fields = File.ReadAllLines(Path.Combine(folder, "boxes.tsv")).Select(line => line.Split('\t')).ToArray();
            var found = fields.Select(field => new Detections
            {
                PredictedLabel = Values(field[0], uint.Parse),
                Score = Values(field[2], value => float.Parse(value, CultureInfo.InvariantCulture)),
                PredictedBoundingBoxes = Values(field[3], value => float.Parse(value, CultureInfo.InvariantCulture)),
            }).ToArray();
            OnnxTestDetectors.AssertSame(expected, found, 1e-4f);
            var names = fields.Select(field => Values(field[1], name => name)).ToArray();
            CollectionAssert.AreEqual(expected.SelectMany(image => image.PredictedLabel.Select(key => SyntheticBoxes.Classes[key - 1])).ToArray(),
                names.SelectMany(image => image).ToArray(), "the keys' values are the class names");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The space-separated values of a field (none when it is empty).</summary>
    private static T[] Values<T>(string field, Func<string, T> parse) =>
        [.. field.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(parse)];

    /// <summary>images.tsv: the digit (the label's key value) and the pixels of each test image.</summary>
    private static void WriteImages(string path, IDataView test)
    {
        var labels = test.GetColumn<uint>("Label").ToArray();
        var images = test.GetColumn<float[]>("Features").ToArray();
        File.WriteAllLines(path, images.Select((pixels, row) =>
            $"{labels[row] - 1}\t{string.Join(' ', pixels.Select(pixel => pixel.ToString("R", CultureInfo.InvariantCulture)))}"));
    }

    private static void Run(string folder, params string[] arguments)
    {
        var consumer = typeof(ConsumerProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "OnnxConsumerPath").Value!;
        Assert.IsTrue(File.Exists(consumer), $"The consumer is built before this project (ProjectReference); missing: {consumer}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(consumer);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The consumer did not finish within 10 minutes (it takes seconds on an idle machine).");
        }

        Assert.AreEqual(0, process.ExitCode, $"consumer failed:\n{output.Result}\n{error.Result}");
    }
}
