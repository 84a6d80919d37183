using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

[TestClass]
public sealed class ClassifierNetworkTests
{
    [TestMethod]
    public void SmallCnn_OnDigits_HasAboutAHundredThousandParametersAndTenLogits()
    {
        using var sut = ClassifierNetwork.Create(Spec(BackboneArchitecture.SmallCnn, 1, 28, width: 32, blocks: [2, 2, 2, 2]));
        using var input = rand(2, 1, 28, 28);

        sut.eval();
        using var output = sut.forward(input);

        CollectionAssert.AreEqual(new long[] { 2, 10 }, output.shape);
        var parameters = sut.parameters().Sum(p => p.numel());
        Assert.IsTrue(parameters is > 90_000 and < 400_000, $"{parameters} parameters");
    }

    [TestMethod]
    public void ResNet_AtWidth64With2222Blocks_IsResNet18Sized_AndKeepsSmallImages()
    {
        using var sut = ClassifierNetwork.Create(Spec(BackboneArchitecture.ResNet, 3, 32, width: 64, blocks: [2, 2, 2, 2]));

        var parameters = sut.parameters().Sum(p => p.numel());

        Assert.AreEqual(11_173_962, parameters);
    }

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn)]
    [DataRow(BackboneArchitecture.ResNet)]
    public void DropoutAndStochasticDepth_ActInTraining_AndNotInEval(BackboneArchitecture architecture)
    {
        manual_seed(1);
        using var sut = ClassifierNetwork.Create(Spec(architecture, 1, 12, width: 8, blocks: [1, 1], dropout: 0.5, stochasticDepth: 0.5));
        using var input = rand(4, 1, 12, 12);

        sut.train();
        using var train1 = sut.forward(input);
        using var train2 = sut.forward(input);
        sut.eval();
        using var eval1 = sut.forward(input);
        using var eval2 = sut.forward(input);

        Assert.IsFalse(train1.Equals(train2));
        Assert.IsTrue(eval1.Equals(eval2));
    }

    [TestMethod]
    [DataRow(BackboneArchitecture.SmallCnn, 1, 28, 32, new[] { 2, 2, 2, 2 })]
    [DataRow(BackboneArchitecture.SmallCnn, 3, 30, 8, new[] { 1 })]
    [DataRow(BackboneArchitecture.ResNet, 3, 32, 64, new[] { 2, 2, 2, 2 })]
    [DataRow(BackboneArchitecture.ResNet, 1, 12, 8, new[] { 1, 3 })]
    public void ParameterCount_OfTheSpec_IsTheNetworksParameterCount(BackboneArchitecture architecture, int channels, int side, int width, int[] blocks)
    {
        var spec = Spec(architecture, channels, side, width, blocks);
        using var sut = ClassifierNetwork.Create(spec);

        Assert.AreEqual(sut.parameters().Sum(p => p.numel()), ClassifierNetwork.ParameterCount(spec));
    }

    [TestMethod]
    public void StateDictKeys_AreTheBackbonesAndTheHeads()
    {
        using var sut = ClassifierNetwork.Create(Spec(BackboneArchitecture.SmallCnn, 1, 12, width: 8, blocks: [1]));

        var keys = sut.state_dict().Keys.ToArray();

        Assert.IsTrue(keys.All(k => k.StartsWith("backbone.", StringComparison.Ordinal) || k.StartsWith("head.", StringComparison.Ordinal)), string.Join(", ", keys));
        CollectionAssert.AreEqual(new[] { "head.fc.weight", "head.fc.bias" }, keys.Where(k => k.StartsWith("head.", StringComparison.Ordinal)).ToArray());
        CollectionAssert.AreEqual(sut.Backbone.state_dict().Keys.Select(k => $"backbone.{k}").ToArray(), keys.Where(k => k.StartsWith("backbone.", StringComparison.Ordinal)).ToArray());
    }

    private static ImageNetworkSpec Spec(BackboneArchitecture architecture, int channels, int side, int width, int[] blocks,
        double dropout = 0, double stochasticDepth = 0) =>
        new(architecture, channels, side, side, 10, width, blocks, dropout, stochasticDepth);
}
