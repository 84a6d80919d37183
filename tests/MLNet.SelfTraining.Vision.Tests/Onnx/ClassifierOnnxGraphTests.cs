using Microsoft.ML;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Onnx;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using Onnx;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

[TestClass]
public sealed class ClassifierOnnxGraphTests
{
    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn, new[] { "Conv", "BatchNormalization", "Relu", "MaxPool", "Add", "Flatten", "Gemm" })]
    [DataRow(BackboneArchitecture.ResNet, new[] { "Conv", "BatchNormalization", "Relu", "Add", "GlobalAveragePool", "Flatten", "Gemm", "Mul" })]
    public void ExportOnnx_WritesOpset13WithADynamicBatch_AndNoTrainingOnlyNodes(BackboneArchitecture architecture, string[] networkOperators)
    {
        var path = OnnxTestModels.TempPath(".onnx");
        var mlContext = new MLContext(seed: 1);
        using (var classifier = OnnxTestModels.Digits(mlContext, architecture))
        {
            classifier.ExportOnnx(path);
        }

        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        File.Delete(path);

        Assert.AreEqual(13L, model.OpsetImport.Single().Version);
        var input = model.Graph.Input.Single();
        Assert.AreEqual("Features", input.Name);
        Assert.AreEqual("N", input.Type.TensorType.Shape.Dim[0].DimParam);
        Assert.AreEqual(784L, input.Type.TensorType.Shape.Dim[1].DimValue);
        CollectionAssert.AreEqual(new[] { "Score", "PredictedClassIndex" }, model.Graph.Output.Select(output => output.Name).ToArray());
        var operators = model.Graph.Node.Select(node => node.OpType).Distinct().ToArray();
        CollectionAssert.IsSubsetOf(networkOperators, operators);
        CollectionAssert.DoesNotContain(operators, "Dropout");
        Assert.IsTrue(model.Graph.Node.Select(node => node.Output.Single()).Distinct().Count() == model.Graph.Node.Count, "every value is written once");
    }

    [TestMethod]
    public void UnknownModule_IsAnErrorNamingItAndItsPath()
    {
        var spec = new ImageNetworkSpec(BackboneArchitecture.SmallCnn, 1, 12, 12, 3, 8, [], 0, 0);
        using var network = new ImageNetwork("odd", BackboneFactory.Create(spec.Backbone), nn.Sequential(("flatten", nn.Flatten()), ("gelu", nn.GELU())));
        var info = new ClassifierInfo("Features", "Label", spec, new ClassLabels(3, ["a", "b", "c"]), 1f, 8);

        var error = Assert.ThrowsExactly<NotSupportedException>(() => ClassifierOnnxGraph.Build(network, info, batched: true));

        StringAssert.Contains(error.Message, "'head.flatten' of type Flatten");
        StringAssert.Contains(error.Message, "the exporter maps ImageNetwork, SmallCnn");
    }

    [TestMethod]
    public void RepeatedClassNames_AreAnErrorNamingTheClass()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => OnnxClassNames.Of(new ClassLabels(3, ["cat", "dog", "cat"])));

        StringAssert.Contains(error.Message, "class 3 of 3 is 'cat'");
    }

    [TestMethod]
    public void ClassesWithoutTextNames_AreNamedByTheirKeys()
    {
        CollectionAssert.AreEqual(new[] { "1", "2", "3" }, OnnxClassNames.Of(new ClassLabels(3, null)));
    }
}
