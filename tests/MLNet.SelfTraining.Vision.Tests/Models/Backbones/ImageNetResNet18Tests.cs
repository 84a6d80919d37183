using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Models.Backbones;

[TestClass]
public sealed class ImageNetResNet18Tests
{
    [TestMethod]
    public void Forward_GivesA512ChannelMap_AtStride32()
    {
        using var sut = BackboneFactory.Create(Spec(channels: 1));
        using var input = rand(2, 1, 64, 96);

        sut.eval();
        using var output = sut.forward(input);

        Assert.AreEqual(512L, sut.OutputChannels);
        Assert.AreEqual(32, sut.Stride);
        CollectionAssert.AreEqual(new[] { 2L, 512, 2, 3 }, output.shape);
    }

    [TestMethod]
    public void ParameterCount_IsTheModulesParameterCount_WithThreeBlocksInTheLastStage()
    {
        var spec = Spec(channels: 3);
        using var sut = BackboneFactory.Create(spec);

        Assert.AreEqual(sut.parameters().Sum(p => p.numel()), spec.ParameterCount());
        Assert.AreEqual(15_897_152d, spec.ParameterCount());
        Assert.AreEqual(3, sut.named_modules().Count(m => m.name.StartsWith("layer4.", StringComparison.Ordinal) && m.name.Count(c => c == '.') == 1));
    }

    [TestMethod]
    public void Forward_OfAGreyImage_IsThatOfItsGreyRgbCopy()
    {
        manual_seed(3);
        using var grey = BackboneFactory.Create(Spec(channels: 1));
        manual_seed(3);
        using var rgb = BackboneFactory.Create(Spec(channels: 3));
        using var image = rand(2, 1, 32, 32);
        using var replicated = image.expand(2, 3, 32, 32);

        grey.eval();
        rgb.eval();
        using var fromGrey = grey.forward(image);
        using var fromRgb = rgb.forward(replicated);

        Assert.IsTrue(fromGrey.allclose(fromRgb, rtol: 0, atol: 1e-5));
    }

    [TestMethod]
    public void ImageNetInput_GivesBgrIn0To255_MinusTheChannelMeans()
    {
        using var sut = new ImageNetInput();
        using var rgb = tensor(new[] { 1f, 0.5f, 0f }).reshape(1, 3, 1, 1);
        using var grey = tensor(new[] { 0.2f }).reshape(1, 1, 1, 1);

        using var fromRgb = sut.forward(rgb);
        using var fromGrey = sut.forward(grey);

        CollectionAssert.AreEqual(new[] { 1L, 3, 1, 1 }, fromGrey.shape);
        CollectionAssert.AreEqual(new[] { 0f - 103.06262f, 127.5f - 115.90288f, 255f - 123.15163f }, fromRgb.data<float>().ToArray(), new ToleranceComparer(1e-4f));
        CollectionAssert.AreEqual(new[] { 51f - 103.06262f, 51f - 115.90288f, 51f - 123.15163f }, fromGrey.data<float>().ToArray(), new ToleranceComparer(1e-4f));
    }

    [TestMethod]
    public void Create_WithTwoChannels_NamesTheOptionExpectedAndGot()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => BackboneFactory.Create(Spec(channels: 2)));

        Assert.AreEqual("Network.ImageChannels", error.ParamName);
        StringAssert.Contains(error.Message, "must be 1 (grey) or 3 (RGB) for the ImageNetResNet18 backbone. Got 2 instead.");
    }

    [TestMethod]
    public void Spec_FromOptions_HasTheFixedShape_WhateverTheWidthAndBlocks()
    {
        var spec = BackboneSpec.From(new() { Architecture = BackboneArchitecture.ImageNetResNet18, BaseWidth = 8, BlocksPerStage = [1] });

        Assert.AreEqual(64, spec.BaseWidth);
        CollectionAssert.AreEqual(new[] { 2, 2, 2, 3 }, spec.BlocksPerStage);
        Assert.IsTrue(spec.HasTheShapeOf(spec with { BaseWidth = 16, BlocksPerStage = [2], StochasticDepthRate = 0.2 }));
        Assert.IsFalse(spec.HasTheShapeOf(spec with { Channels = 3 }));
        Assert.AreEqual("ImageNetResNet18, 1 channel", spec.Describe());
    }

    private static BackboneSpec Spec(int channels) =>
        new(BackboneArchitecture.ImageNetResNet18, channels, ImageNetResNet18.Width, [.. ImageNetResNet18.BlocksPerStage], 0);
}
