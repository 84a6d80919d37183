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

    /// <summary>
    /// Saves the final CNN as a plain ML.NET zip, reloads it with <c>mlContext.Model.Load</c> (ML.NET's ONNX transformer,
    /// no TorchSharp) and prints on how many test images it predicts the TorchSharp CNN's class; writes the first
    /// 500 test images for a consumer process and prints the command that scores them without TorchSharp.
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

        WriteTestImages(mlContext.Data.TakeRows(test, 500), TestImagesPath);
        AnsiConsole.MarkupLine("Scored in a process without TorchSharp: [grey]dotnet run --project tests/MLNet.SelfTraining.OnnxConsumer -c Release -- "
            + $"{Markup.Escape(MLNetModelPath)} {Markup.Escape(TestImagesPath)} predictions.tsv[/]");
    }

    private static void WriteTestImages(IDataView test, string path)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        test.Schema["Label"].GetKeyValues(ref names);
        var classes = names.DenseValues().Select(name => name.ToString()).ToArray();
        var labels = test.GetColumn<uint>("Label").ToArray();
        var images = test.GetColumn<float[]>("Features").ToArray();
        File.WriteAllLines(path, images.Select((pixels, row) =>
            $"{classes[labels[row] - 1]}\t{string.Join(' ', pixels.Select(pixel => pixel.ToString("R", CultureInfo.InvariantCulture)))}"));
    }
}
