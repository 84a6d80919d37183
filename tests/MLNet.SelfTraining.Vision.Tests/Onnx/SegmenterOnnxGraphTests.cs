using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;
using MLNet.SelfTraining.Vision.Onnx;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;
using Onnx;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

[TestClass]
public sealed class SegmenterOnnxGraphTests
{
    [TestMethod]
    public void ExportOnnx_WritesABatchedGraph_WhoseBatchScoresAsTheTorchSharpSegmenter()
    {
        var path = OnnxTestModels.TempPath(".onnx");
        var mlContext = new MLContext(seed: 1);
        var rows = OnnxTestSegmenters.TestRows().Take(8).ToArray();
        byte[][] masks;
        float[][] confidences;
        using (var segmenter = OnnxTestSegmenters.Scenes(mlContext, BackboneArchitecture.SmallCnn))
        {
            (masks, confidences) = OnnxTestSegmenters.Outputs(segmenter.Transform(SyntheticScenes.View(mlContext, rows)));
            segmenter.ExportOnnx(path);
        }

        try
        {
            var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
            Assert.AreEqual(13L, model.OpsetImport.Single().Version);
            Assert.AreEqual("N", model.Graph.Input.Single().Type.TensorType.Shape.Dim[0].DimParam);
            CollectionAssert.AreEqual(new[] { "PredictedMask", "Confidence" }, model.Graph.Output.Select(output => output.Name).ToArray());
            Assert.AreEqual((int)TensorProto.Types.DataType.Uint8, model.Graph.Output[0].Type.TensorType.ElemType);
            var resize = model.Graph.Node.Single(node => node.OpType == "Resize");
            Assert.AreEqual("pytorch_half_pixel", resize.Attribute.Single(a => a.Name == "coordinate_transformation_mode").S.ToStringUtf8());
            CollectionAssert.DoesNotContain(model.Graph.Node.Select(node => node.OpType).ToArray(), "Dropout");

            using var session = new InferenceSession(path);
            var pixels = new DenseTensor<float>(rows.SelectMany(row => row.Features).ToArray(), [rows.Length, SyntheticScenes.PixelCount]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("Features", pixels)]);
            var onnxMasks = results.Single(r => r.Name == "PredictedMask").AsTensor<byte>().ToArray().Chunk(SyntheticScenes.PixelCount).ToArray();
            var onnxConfidences = results.Single(r => r.Name == "Confidence").AsTensor<float>().ToArray().Chunk(SyntheticScenes.PixelCount).ToArray();
            Assert.IsLessThanOrEqualTo(1e-4f, OnnxTestSegmenters.MaxDifference(confidences, onnxConfidences));
            for (var row = 0; row < rows.Length; row++)
            {
                CollectionAssert.AreEqual(masks[row], onnxMasks[row], $"row {row}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn, 30, 26)]
    [DataRow(BackboneArchitecture.ResNet, 21, 34)]
    public void SidesNotMultiplesOfTheStride_UpsampleAsTorchSharpsInterpolate(BackboneArchitecture architecture, int height, int width)
    {
        // Map sides of ⌊H/4⌋ or ⌈H/2⌉ cells upsampled to H: a scale that is not an integer, where coordinate modes differ.
        var spec = new ImageNetworkSpec(architecture, 2, height, width, 4, 8, architecture == BackboneArchitecture.ResNet ? [1, 1] : [], 0, 0);
        var info = new SegmenterInfo("Features", "Mask", spec, ["a", "b", "c", "d"], 1f, 8);
        var random = new Random(5);
        var pixels = Enumerable.Range(0, 3 * 2 * spec.PixelCount).Select(_ => random.NextSingle()).ToArray();
        var torchOutputs = new float[3 * 2 * spec.PixelCount];
        byte[] bytes = [];
        using (var predictor = new SegmenterPredictor(SegmenterNetwork.Create(spec), spec, 1f))
        {
            predictor.Use(network => bytes = SegmenterOnnxGraph.Build(network, info, batched: true));
            predictor.Score(pixels, 3, torchOutputs);
        }

        using var session = new InferenceSession(bytes);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("Features", new DenseTensor<float>(pixels, [3, 2 * spec.PixelCount]))]);
        var masks = results.Single(r => r.Name == "PredictedMask").AsTensor<byte>().ToArray();
        var confidences = results.Single(r => r.Name == "Confidence").AsTensor<float>().ToArray();
        var torchRows = torchOutputs.Chunk(2 * spec.PixelCount).ToArray();   // per image: the classes, then the confidences
        CollectionAssert.AreEqual(torchRows.SelectMany(row => row[..spec.PixelCount].Select(value => (byte)value)).ToArray(), masks);
        Assert.IsLessThanOrEqualTo(1e-5f, OnnxTestSegmenters.MaxDifference([.. torchRows.Select(row => row[spec.PixelCount..])], [.. confidences.Chunk(spec.PixelCount)]));
    }

    [TestMethod]
    public void SegmentationHeadOutsideAnImageNetwork_IsAnErrorNamingIt()
    {
        var spec = new ImageNetworkSpec(BackboneArchitecture.SmallCnn, 1, 16, 16, 3, 8, [], 0, 0);
        using var network = new ImageNetwork("odd", BackboneFactory.Create(spec.Backbone),
            nn.Sequential(("inner", new SegmentationHead(spec.Backbone.OutputChannels, 3, 0, 16, 16))));
        var info = new SegmenterInfo("Features", "Mask", spec, ["a", "b", "c"], 1f, 8);

        var error = Assert.ThrowsExactly<NotSupportedException>(() => SegmenterOnnxGraph.Build(network, info, batched: true));

        StringAssert.Contains(error.Message, "'head.inner' of type SegmentationHead");
        StringAssert.Contains(error.Message, "only as an ImageNetwork's head");
    }
}
