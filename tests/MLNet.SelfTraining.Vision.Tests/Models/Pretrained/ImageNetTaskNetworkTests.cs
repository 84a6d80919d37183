using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Models.Pretrained;

/// <summary>The dense tasks' networks on the ImageNet ResNet-18, started from the package's ONNX weights.</summary>
[TestClass]
public sealed class ImageNetTaskNetworkTests
{
    private static readonly NetworkOptions Network = new()
    {
        Architecture = BackboneArchitecture.ImageNetResNet18,
        ImageChannels = 3,
        ImageHeight = 64,
        ImageWidth = 96,
        InitialBackbonePath = PackageModels.ResNet18,
    };

    [TestMethod]
    public void Segmenter_FromThePackagesOnnx_GivesPerPixelLogits_WithItsBackbone()
    {
        using var sut = InitialWeights.Apply(SegmenterNetwork.Create(ImageNetworkSpec.From(Network, classCount: 4)), Network, "a test");

        using var logits = Forward(sut);

        AssertBackboneIsThePackages(sut);
        CollectionAssert.AreEqual(new[] { 2L, 4, 64, 96 }, logits.shape);
    }

    [TestMethod]
    public void Detector_FromThePackagesOnnx_GivesHeatmapSizeAndOffsetPerStride32Cell_WithItsBackbone()
    {
        using var sut = InitialWeights.Apply(DetectorNetwork.Create(ImageNetworkSpec.From(Network, classCount: 3)), Network, "a test");

        using var maps = Forward(sut);

        AssertBackboneIsThePackages(sut);
        CollectionAssert.AreEqual(new[] { 2L, 3 + 4, 2, 3 }, maps.shape);
    }

    private static Tensor Forward(ImageNetwork network)
    {
        network.eval();
        using var noGrad = no_grad();
        using var images = rand(2, 3, 64, 96);
        return network.forward(images);
    }

    private static void AssertBackboneIsThePackages(ImageNetwork network)
    {
        using var expected = PackageModels.LoadedBackbone(channels: 3);
        var state = network.Backbone.state_dict();
        foreach (var (key, value) in expected.state_dict())
        {
            Assert.IsTrue(value.Equals(state[key]), $"{key} is the package's");
        }
    }
}
