// The CNN student as a plain ML.NET model through ONNX: MnistCnnModel.mlnet loads with Microsoft.ML,
// Microsoft.ML.OnnxTransformer and ONNX Runtime alone (no TorchSharp, no MLNet.SelfTraining).
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using Spectre.Console;

namespace MnistSelfTraining;

public partial class MnistCnnModel
{
    /// <summary>Where <see cref="SaveMLNetModel"/> writes the plain ML.NET zip.</summary>
    public static string MLNetModelPath { get; set; } = Path.GetFullPath("MnistCnnModel.mlnet");

    /// <summary>Test images for a consumer process, "label TAB pixels" per line (tests/MLNet.SelfTraining.OnnxConsumer reads them).</summary>
    public static string TestImagesPath { get; set; } = Path.GetFullPath("MnistCnnModel.test-images.tsv");

    /// <summary>The TorchSharp CNN's digit for each image of <see cref="TestImagesPath"/>, one per line, to compare with the consumer's.</summary>
    public static string ExpectedDigitsPath { get; set; } = Path.GetFullPath("MnistCnnModel.expected-digits.txt");

    /// <summary>
    /// Saves the final CNN as a plain ML.NET zip, reloads it with <c>mlContext.Model.Load</c> (ML.NET's ONNX transformer,
    /// no TorchSharp) and prints on how many test images it predicts the TorchSharp CNN's class; writes the first
    /// 500 test images for a consumer process with the TorchSharp CNN's digit for each, and prints the commands that score
    /// them without TorchSharp and compare the digits.
    /// </summary>
    public static void SaveMLNetModel(MLContext mlContext, SelfTrainingTransformer model, IDataView test)
    {
        var classifier = (TorchImageClassifierTransformer)model.Model;
        classifier.SaveAsMLNetModel(mlContext, MLNetModelPath);
        var reloaded = new MLContext().Model.Load(MLNetModelPath, out _);
        var expected = classifier.Transform(test).GetColumn<uint>("PredictedLabel").ToArray();
        var predicted = reloaded.Transform(test).GetColumn<uint>("PredictedLabel").ToArray();
        var same = expected.Zip(predicted).Count(pair => pair.First == pair.Second);
        AnsiConsole.MarkupLine($"The CNN student as a plain ML.NET model ({Markup.Escape(MLNetModelPath)}, mlContext.Model.Load, ONNX inside): "
            + $"the same class as the TorchSharp CNN on {same} of {expected.Length} test images.");

        var consumerImages = mlContext.Data.TakeRows(test, 500);
        var classes = WriteTestImages(consumerImages, TestImagesPath);
        File.WriteAllLines(ExpectedDigitsPath, expected.Take(500).Select(key => classes[key - 1]));
        AnsiConsole.MarkupLine("Scored in a process without TorchSharp, then its digits compared with the TorchSharp CNN's: [grey]dotnet run --project tests/MLNet.SelfTraining.OnnxConsumer -c Release -- "
            + $"{Markup.Escape(MLNetModelPath)} {Markup.Escape(TestImagesPath)} predictions.tsv && head -n -1 predictions.tsv | cut -f2 | cmp - {Markup.Escape(ExpectedDigitsPath)} && echo same digits[/]");
    }

    /// <summary>Writes "digit TAB pixels" per image and returns the label's class names (key i + 1 is class i).</summary>
    private static string[] WriteTestImages(IDataView test, string path)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        test.Schema["Label"].GetKeyValues(ref names);
        var classes = names.DenseValues().Select(name => name.ToString()).ToArray();
        var labels = test.GetColumn<uint>("Label").ToArray();
        var images = test.GetColumn<float[]>("Features").ToArray();
        File.WriteAllLines(path, images.Select((pixels, row) =>
            $"{classes[labels[row] - 1]}\t{string.Join(' ', pixels.Select(pixel => pixel.ToString("R", CultureInfo.InvariantCulture)))}"));
        return classes;
    }
}
