using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Models.Heads;

[TestClass]
public sealed class DetectionHeadTests
{
    [TestMethod]
    public void Forward_GivesKHeatmapsThenSizeAndOffset_OnTheFeatureMap()
    {
        using var head = new DetectionHead(channels: 6, classCount: 3);
        using var scope = NewDisposeScope();

        var output = head.forward(randn(2, 6, 8, 5));

        CollectionAssert.AreEqual(new long[] { 2, 3 + 4, 8, 5 }, output.shape);
    }

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn, 32, 32, 8, 8)]
    [DataRow(BackboneArchitecture.SmallCnn, 30, 26, 7, 6)]     // not multiples of the stride: floor
    [DataRow(BackboneArchitecture.ResNet, 32, 32, 8, 8)]       // 3 stages: stride 4
    public void Network_GivesAStrideMap_AndCountsItsParameters(BackboneArchitecture architecture, int height, int width, int mapHeight, int mapWidth)
    {
        var spec = new ImageNetworkSpec(architecture, 1, height, width, ClassCount: 5, BaseWidth: 4, BlocksPerStage: [1, 1, 1], DropoutRate: 0, StochasticDepthRate: 0);
        using var network = DetectorNetwork.Create(spec);
        network.eval();
        using var scope = NewDisposeScope();

        var output = network.forward(rand(2, 1, height, width));

        CollectionAssert.AreEqual(new long[] { 2, 5 + 4, mapHeight, mapWidth }, output.shape);
        Assert.AreEqual(network.parameters().Sum(p => p.numel()), DetectorNetwork.ParameterCount(spec));
        var channels = spec.Backbone.OutputChannels;
        Assert.AreEqual((3 * ((channels * channels * 9) + channels)) + ((channels + 1) * 9), DetectionHead.ParameterCount(channels, 5), "three 3×3 convolutions and 1×1 convolutions to K + 4");
    }

    [TestMethod]
    public void StateDictKeys_AreTheDocumentedOnes_AndTheHeatmapBiasStartsAtThePrior()
    {
        using var head = new DetectionHead(channels: 4, classCount: 2);

        var state = head.state_dict();

        string[] expected = [.. new[] { "heatmap", "offset", "size" }.SelectMany(b => new[] { "0.bias", "0.weight", "2.bias", "2.weight" }.Select(k => $"{b}.{k}")).Order(StringComparer.Ordinal)];
        CollectionAssert.AreEqual(expected, state.Keys.Order(StringComparer.Ordinal).ToArray());
        CollectionAssert.AreEqual(new[] { -2.19f, -2.19f }, state["heatmap.2.bias"].data<float>().ToArray());
        CollectionAssert.AreEqual(new long[] { 2, 4, 1, 1 }, state["heatmap.2.weight"].shape);
        CollectionAssert.AreEqual(new long[] { 4, 4, 3, 3 }, state["size.0.weight"].shape);
        Assert.IsInstanceOfType<Conv2d>(head.named_modules().Single(m => m.name == "offset.2").module);
    }
}
