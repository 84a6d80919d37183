using MLNet.SelfTraining.Vision.Models;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Models;

[TestClass]
public sealed class ModelTests
{
    [TestMethod]
    public void SmallCnn_OnDigits_HasAboutAHundredThousandParametersAndTenLogits()
    {
        using var sut = ModelFactory.Create(Spec(ImageClassifierArchitecture.SmallCnn, 1, 28, width: 32, blocks: [2, 2, 2, 2]));
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
        using var sut = ModelFactory.Create(Spec(ImageClassifierArchitecture.ResNet, 3, 32, width: 64, blocks: [2, 2, 2, 2]));

        var parameters = sut.parameters().Sum(p => p.numel());

        Assert.AreEqual(11_173_962, parameters);
    }

    [TestMethod]
    [DataRow(ImageClassifierArchitecture.SmallCnn)]
    [DataRow(ImageClassifierArchitecture.ResNet)]
    public void DropoutAndStochasticDepth_ActInTraining_AndNotInEval(ImageClassifierArchitecture architecture)
    {
        manual_seed(1);
        using var sut = ModelFactory.Create(Spec(architecture, 1, 12, width: 8, blocks: [1, 1], dropout: 0.5, stochasticDepth: 0.5));
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

    private static ModelSpec Spec(ImageClassifierArchitecture architecture, int channels, int side, int width, int[] blocks,
        double dropout = 0, double stochasticDepth = 0) =>
        new(architecture, channels, side, side, 10, width, blocks, dropout, stochasticDepth);
}
