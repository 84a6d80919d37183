using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Engine;

[TestClass]
public sealed class TensorValuesTests
{
    [TestMethod]
    public void Double_AndLong_AreTorchSharpsValues_ForFloatIntegerAndBooleanSums()
    {
        using var scope = NewDisposeScope();
        var loss = tensor(new[] { 0.1f, 0.7f, 1e-7f }).requires_grad_().sum();
        var flags = tensor(new[] { true, false, true, true }).sum();
        var counts = tensor(new[] { 3L, 4 }).sum();

        Assert.AreEqual(loss.ToDouble(), TensorValues.Double(loss));
        Assert.AreEqual(loss.item<float>(), (float)TensorValues.Double(loss));
        Assert.AreEqual(3L, TensorValues.Long(flags));
        Assert.AreEqual(7L, TensorValues.Long(counts));
        Assert.AreEqual(7.0, TensorValues.Double(counts));
    }
}
