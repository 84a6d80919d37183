using MLNet.SelfTraining.Vision.Models.Blocks;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Models.Blocks;

[TestClass]
public sealed class RowStochasticDepthTests
{
    [TestMethod]
    [DataRow(0.2)]
    [DataRow(0.5)]
    [DataRow(1.0)]
    public void Training_GivesTorchVisionsRowStochasticDepth_FromTheSameSeed(double rate)
    {
        using var scope = NewDisposeScope();
        var input = randn(64, 3, 4, 4);
        using var drop = new RowStochasticDepth(rate);

        manual_seed(7);
        var expected = torchvision.ops.stochastic_depth(input, rate, torchvision.StochasticDepth.Mode.Row, training: true);
        manual_seed(7);
        var actual = drop.forward(input);

        CollectionAssert.AreEqual(expected.data<float>().ToArray(), actual.data<float>().ToArray(), $"rate {rate}");
        var dropped = actual.abs().sum([1, 2, 3]).eq(0).sum().ToInt64();
        Assert.IsTrue(rate == 1 ? dropped == 64 : dropped is > 0 and < 64, $"{dropped} of 64 rows dropped at rate {rate}");
    }

    [TestMethod]
    public void Evaluation_AndARateOfZero_PassTheInputThrough()
    {
        using var scope = NewDisposeScope();
        var input = randn(8, 3, 4, 4);
        using var none = new RowStochasticDepth(0);
        using var evaluated = new RowStochasticDepth(0.5);
        evaluated.eval();

        CollectionAssert.AreEqual(input.data<float>().ToArray(), none.forward(input).data<float>().ToArray());
        CollectionAssert.AreEqual(input.data<float>().ToArray(), evaluated.forward(input).data<float>().ToArray());
    }
}
