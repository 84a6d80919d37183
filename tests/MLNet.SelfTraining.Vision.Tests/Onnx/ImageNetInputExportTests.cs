using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Onnx;
using Onnx;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

[TestClass]
public sealed class ImageNetInputExportTests
{
    [TestMethod]
    [DataRow(1, DisplayName = "grey")]
    [DataRow(3, DisplayName = "RGB")]
    public void ExportedNodes_GiveTheModulesOutputExactly(int channels)
    {
        var random = new Random(channels);
        var pixels = Enumerable.Range(0, 2 * channels * 4 * 5).Select(_ => random.NextSingle()).ToArray();
        using var module = new ImageNetInput();
        float[] expected;
        using (var input = tensor(pixels, [2, channels, 4, 5]))
        using (var output = module.forward(input))
        {
            expected = output.data<float>().ToArray();
        }

        var graph = new OnnxGraph("input", ["pixels"]);
        graph.Proto.Input.Add(OnnxImageGraph.Tensor("pixels", TensorProto.Types.DataType.Float, [.. new long[] { 2, channels, 4, 5 }.Select(OnnxImageGraph.Fixed)]));
        var result = ModuleExporter.Export(graph, module, "pixels", "preprocess");
        graph.Proto.Output.Add(OnnxImageGraph.Tensor(result, TensorProto.Types.DataType.Float, [.. new long[] { 2, 3, 4, 5 }.Select(OnnxImageGraph.Fixed)]));
        using var session = new InferenceSession(OnnxImageGraph.Model(graph, "a test"));
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("pixels", new DenseTensor<float>(pixels, [2, channels, 4, 5]))]);

        CollectionAssert.AreEqual(expected, results.Single().AsTensor<float>().ToArray(), "BGR in 0–255 minus the channel means, bit for bit");
    }
}
