using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Onnx;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using Onnx;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

[TestClass]
public sealed class DetectorOnnxGraphTests
{
    [TestMethod]
    public void Build_WritesAOneImageGraphWithTheDecodeInside_NamedAsTheDetectorsColumns()
    {
        var spec = new ImageNetworkSpec(BackboneArchitecture.SmallCnn, 1, 32, 32, 3, 8, [], 0, 0);
        var info = new DetectorInfo("Pixels", "Labels", "Box", spec, ["cat", "dog", "bird"], 1f, 8,
            new DetectionDecoding(0.05f, 0.5f, 7), new DetectionOutputNames("Classes", "Confidences", "Boxes"));
        using var network = DetectorNetwork.Create(spec);
        network.eval();

        var bytes = DetectorOnnxGraph.Build(network, info, ["cat", "dog", "bird"]);

        var model = ModelProto.Parser.ParseFrom(bytes);
        Assert.AreEqual(13L, model.OpsetImport.Single().Version);
        var input = model.Graph.Input.Single();
        Assert.AreEqual("Pixels", input.Name);
        Assert.AreEqual(1024L, input.Type.TensorType.Shape.Dim.Single().DimValue, "one image, no batch axis");
        CollectionAssert.AreEqual(new[] { "Classes", "Confidences", "Boxes" }, model.Graph.Output.Select(output => output.Name).ToArray());
        Assert.AreEqual((int)TensorProto.Types.DataType.String, model.Graph.Output[0].Type.TensorType.ElemType);
        CollectionAssert.IsSubsetOf(new[] { "Sigmoid", "MaxPool", "Equal", "TopK", "NonMaxSuppression", "Compress", "Gather" },
            model.Graph.Node.Select(node => node.OpType).Distinct().ToArray());

        using var session = new InferenceSession(bytes);
        var pixels = new DenseTensor<float>(Enumerable.Range(0, 1024).Select(i => (i % 37) / 37f).ToArray(), [1024]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("Pixels", pixels)]);
        var names = results.Single(r => r.Name == "Classes").AsTensor<string>();
        var scores = results.Single(r => r.Name == "Confidences").AsTensor<float>();
        var boxes = results.Single(r => r.Name == "Boxes").AsTensor<float>();
        CollectionAssert.AreEqual(new[] { 1, names.Dimensions[1] }, scores.Dimensions.ToArray());
        CollectionAssert.AreEqual(new[] { 1, 4 * names.Dimensions[1] }, boxes.Dimensions.ToArray());
        Assert.IsTrue(names.Dimensions[1] is > 0 and <= 7, $"between 1 and the cap of 7 boxes; got {names.Dimensions[1]}");
        Assert.IsTrue(names.ToArray().All(name => name is "cat" or "dog" or "bird"), string.Join(", ", names.ToArray()));
        Assert.IsTrue(scores.ToArray().All(score => score >= 0.05f));
    }

    [TestMethod]
    public void EmptyOrRepeatedDetectorClassNames_AreAnErrorNamingTheClass()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => OnnxClassNames.Checked(["cat", ""], "detector"));

        StringAssert.Contains(error.Message, "Cannot export the detector");
        StringAssert.Contains(error.Message, "class 2 of 2 is ''");
    }
}
