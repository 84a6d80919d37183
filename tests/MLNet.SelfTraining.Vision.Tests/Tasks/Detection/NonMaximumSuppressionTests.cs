using MLNet.SelfTraining.Vision.Tasks.Detection;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

[TestClass]
public sealed class NonMaximumSuppressionTests
{
    [TestMethod]
    public void Keep_GivesTorchVisionsIndices_WithTiedScoresEmptyBoxesAndEveryThreshold()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator().manual_seed(3);
        var compared = 0;
        foreach (var threshold in new[] { 0f, 0.3f, 0.5f, 0.7f, 1f })
        {
            for (var trial = 0; trial < 40; trial++)
            {
                var count = trial % 25 * 3;                                                     // 0 to 72 boxes
                var corner = rand([count, 2], generator: generator).mul(40);
                var size = rand([count, 2], generator: generator).mul(16).mul(rand([count, 1], generator: generator).gt(0.2));   // ~1 in 5 empty
                var boxes = cat([corner, corner.add(size)], 1);
                var scores = rand([count], generator: generator).mul(8).floor().div(8);      // 8 levels: many ties

                var expected = torchvision.ops.nms(boxes, scores, threshold).data<long>().ToArray();
                var actual = NonMaximumSuppression.Keep(boxes, scores, threshold).data<long>().ToArray();

                CollectionAssert.AreEqual(expected, actual, $"threshold {threshold}, trial {trial}, {count} boxes");
                compared += expected.Length;
            }
        }

        Assert.IsGreaterThan(1000, compared, "kept boxes compared");
    }

    [TestMethod]
    public void Keep_DropsABoxOverlappingAHigherScoringOne_AboveTheThresholdOnly()
    {
        using var scope = NewDisposeScope();
        var boxes = tensor(new[] { 0f, 0, 4, 4, 2, 0, 6, 4, 20, 20, 24, 24 }, [3, 4]);            // IoU(0, 1) = 8 / 24 = 1/3
        var scores = tensor(new[] { 0.5f, 0.9f, 0.1f });

        CollectionAssert.AreEqual(new[] { 1L, 2 }, NonMaximumSuppression.Keep(boxes, scores, 0.3f).data<long>().ToArray());
        CollectionAssert.AreEqual(new[] { 1L, 0, 2 }, NonMaximumSuppression.Keep(boxes, scores, 0.5f).data<long>().ToArray());
        Assert.AreEqual(ScalarType.Int64, NonMaximumSuppression.Keep(boxes, scores, 0.5f).dtype);
    }
}
