using MLNet.SelfTraining.Vision.Models.Backbones;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Models.Backbones;

[TestClass]
public sealed class BackboneTests
{
    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn, new[] { 2, 2 }, 16L, 4)]
    [DataRow(BackboneArchitecture.ResNet, new[] { 1, 1 }, 16L, 2)]
    [DataRow(BackboneArchitecture.ResNet, new[] { 1, 1, 1 }, 32L, 4)]
    public void Forward_GivesAFeatureMapOfTheOutputChannels_AtTheStride(BackboneArchitecture architecture, int[] blocks, long channels, int stride)
    {
        using var sut = BackboneFactory.Create(new BackboneSpec(architecture, 3, 8, blocks, 0));
        using var input = rand(2, 3, 32, 24);

        sut.eval();
        using var output = sut.forward(input);

        Assert.AreEqual(channels, sut.OutputChannels);
        Assert.AreEqual(stride, sut.Stride);
        CollectionAssert.AreEqual(new[] { 2, channels, 32 / stride, 24 / stride }, output.shape);
    }

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn, 1, 32, new[] { 2, 2, 2, 2 })]
    [DataRow(BackboneArchitecture.ResNet, 3, 64, new[] { 2, 2, 2, 2 })]
    [DataRow(BackboneArchitecture.ResNet, 2, 5, new[] { 3, 1, 2 })]
    public void ParameterCount_IsTheModulesParameterCount(BackboneArchitecture architecture, int channels, int width, int[] blocks)
    {
        var spec = new BackboneSpec(architecture, channels, width, blocks, 0.1);
        using var sut = BackboneFactory.Create(spec);

        Assert.AreEqual(sut.parameters().Sum(p => p.numel()), spec.ParameterCount());
    }

    [TestMethod]
    public void HasTheShapeOf_IgnoresTheStochasticDepthRate_AndTheSmallCnnsBlocks()
    {
        var spec = new BackboneSpec(BackboneArchitecture.SmallCnn, 1, 8, [2, 2], 0);

        Assert.IsTrue(spec.HasTheShapeOf(spec with { StochasticDepthRate = 0.3, BlocksPerStage = [1] }));
        Assert.IsFalse(spec.HasTheShapeOf(spec with { BaseWidth = 16 }));
        Assert.IsFalse(spec.HasTheShapeOf(spec with { Channels = 3 }));
        Assert.IsFalse(spec.HasTheShapeOf(spec with { Architecture = BackboneArchitecture.ResNet }));
        var resNet = spec with { Architecture = BackboneArchitecture.ResNet };
        Assert.IsFalse(resNet.HasTheShapeOf(resNet with { BlocksPerStage = [2, 1] }));
    }
}
