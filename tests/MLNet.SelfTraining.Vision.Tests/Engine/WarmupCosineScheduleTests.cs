using MLNet.SelfTraining.Vision.Engine;

namespace MLNet.SelfTraining.Vision.Tests.Engine;

[TestClass]
public sealed class WarmupCosineScheduleTests
{
    [TestMethod]
    public void LearningRate_WarmsUpLinearly_ThenDecaysWithACosineToZero()
    {
        var sut = new WarmupCosineSchedule(peakLearningRate: 0.1, warmupSteps: 4, totalSteps: 14);

        Assert.AreEqual(0.025, sut.LearningRate(0), 1e-12);
        Assert.AreEqual(0.1, sut.LearningRate(3), 1e-12);
        Assert.AreEqual(0.1, sut.LearningRate(4), 1e-12);
        Assert.AreEqual(0.05, sut.LearningRate(9), 1e-12);
        Assert.AreEqual(0.1 * 0.5 * (1 + Math.Cos(Math.PI * 0.9)), sut.LearningRate(13), 1e-12);
    }
}
