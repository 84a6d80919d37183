using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Models.Heads;

[TestClass]
public sealed class SegmentationHeadTests
{
    [TestMethod]
    [DataRow(8, 8)]     // stride 4
    [DataRow(4, 4)]     // stride 8
    [DataRow(16, 16)]   // stride 2
    [DataRow(32, 32)]   // stride 1
    [DataRow(8, 16)]    // strides 4 and 2
    public void Forward_UpsamplesTheFeatureMapToTheInputSize(int height, int width)
    {
        using var head = new SegmentationHead(channels: 6, classCount: 3, dropoutRate: 0.1, outputHeight: 32, outputWidth: 32);
        head.eval();
        using var scope = NewDisposeScope();

        var logits = head.forward(randn(2, 6, height, width));

        CollectionAssert.AreEqual(new long[] { 2, 3, 32, 32 }, logits.shape);
    }

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn, 32, 32)]
    [DataRow(BackboneArchitecture.SmallCnn, 30, 26)]      // not multiples of the stride
    [DataRow(BackboneArchitecture.ResNet, 32, 32)]        // 3 stages: stride 4
    [DataRow(BackboneArchitecture.ResNet, 21, 19)]
    public void Network_GivesKLogitsPerInputPixel_AndCountsItsParameters(BackboneArchitecture architecture, int height, int width)
    {
        var spec = new ImageNetworkSpec(architecture, 3, height, width, ClassCount: 5, BaseWidth: 4, BlocksPerStage: [1, 1, 1], DropoutRate: 0.1, StochasticDepthRate: 0);
        using var network = SegmenterNetwork.Create(spec);
        network.eval();
        using var scope = NewDisposeScope();

        var logits = network.forward(rand(2, 3, height, width));

        CollectionAssert.AreEqual(new long[] { 2, 5, height, width }, logits.shape);
        Assert.AreEqual(network.parameters().Sum(p => p.numel()), SegmenterNetwork.ParameterCount(spec));
        Assert.AreEqual(4, spec.Backbone.Stride);
    }

    [TestMethod]
    public void StateDictKeys_AreTheDocumentedOnes()
    {
        using var head = new SegmentationHead(channels: 4, classCount: 2, dropoutRate: 0, outputHeight: 8, outputWidth: 8);

        var keys = head.state_dict().Keys.Order(StringComparer.Ordinal).ToArray();

        string[] bn = ["bias", "num_batches_tracked", "running_mean", "running_var", "weight"];
        string[] expected = [.. new[] { "classifier.bias", "classifier.weight" }
            .Concat(new[] { "conv1", "conv2" }.SelectMany(c => bn.Select(b => $"{c}.bn.{b}").Append($"{c}.conv.weight")))
            .Order(StringComparer.Ordinal)];
        CollectionAssert.AreEqual(expected, keys);
    }
}
