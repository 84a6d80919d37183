using MLNet.SelfTraining.Vision.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

[TestClass]
public sealed class DetectionDecoderTests
{
    private const int Classes = 2;
    private const int Map = 8;
    private const int Stride = 4;
    private const int Image = 32;

    [TestMethod]
    public void APeak_GivesItsBox_FromSizeAndOffset_ScoredBySigmoid()
    {
        using var scope = NewDisposeScope();
        var output = Maps();
        Peak(output, cls: 1, x: 3, y: 2, logit: 2, width: 4, height: 2, offsetX: 0.5f, offsetY: 0.25f);

        var row = Decode(output, new DetectionDecoding(0.05f, 0.5f, 100));

        Assert.AreEqual(1, DetectionRow.Count(row));
        Assert.AreEqual(1, DetectionRow.Class(row, 0));
        Assert.AreEqual(1 / (1 + Math.Exp(-2)), DetectionRow.Score(row, 0), 1e-6);
        // centre (3.5, 2.25) cells, half size (2, 1): x 1.5–5.5, y 1.25–3.25 cells → ×4 pixels.
        CollectionAssert.AreEqual(new[] { 6f, 5, 22, 13 }, DetectionRow.Corners(row, 0).ToArray(), new ToleranceComparer(1e-5f));
    }

    [TestMethod]
    public void ANegativePredictedSize_CountsAsZero_SoNoBoxIsInverted()
    {
        using var scope = NewDisposeScope();
        var output = Maps();
        Peak(output, cls: 0, x: 3, y: 2, logit: 2, width: -2, height: 3, offsetX: 0.5f, offsetY: 0.5f);   // an untrained network can predict this

        var row = Decode(output, new DetectionDecoding(0.05f, 0.5f, 100));

        // centre (3.5, 2.5) cells, half size (0, 1.5): x 3.5–3.5, y 1–4 cells → ×4 pixels.
        CollectionAssert.AreEqual(new[] { 14f, 4, 14, 16 }, DetectionRow.Corners(row, 0).ToArray(), new ToleranceComparer(1e-5f));
    }

    [TestMethod]
    public void TwoOverlappingBoxesOfOneClass_KeepTheHigherScoring_OfTwoClasses_KeepBoth()
    {
        using var scope = NewDisposeScope();
        var sameClass = Maps();
        Peak(sameClass, cls: 0, x: 3, y: 3, logit: 3, width: 4, height: 4);
        Peak(sameClass, cls: 0, x: 5, y: 3, logit: 2, width: 4, height: 4);            // IoU 1/3 with the first
        var twoClasses = Maps();
        Peak(twoClasses, cls: 0, x: 3, y: 3, logit: 3, width: 4, height: 4);
        Peak(twoClasses, cls: 1, x: 4, y: 3, logit: 2, width: 4, height: 4);           // IoU 0.6: another class

        var merged = Decode(sameClass, new DetectionDecoding(0.05f, 0.3f, 100));
        var apart = Decode(sameClass, new DetectionDecoding(0.05f, 0.5f, 100));
        var both = Decode(twoClasses, new DetectionDecoding(0.05f, 0.3f, 100));

        Assert.AreEqual(1, DetectionRow.Count(merged), "IoU 1/3 > 0.3: suppressed");
        Assert.AreEqual(1 / (1 + Math.Exp(-3)), DetectionRow.Score(merged, 0), 1e-6);
        Assert.AreEqual(2, DetectionRow.Count(apart), "IoU 1/3 ≤ 0.5: both kept");
        Assert.AreEqual(2, DetectionRow.Count(both));
        CollectionAssert.AreEqual(new[] { 0, 1 }, new[] { DetectionRow.Class(both, 0), DetectionRow.Class(both, 1) }, "descending score");
    }

    [TestMethod]
    public void ScoreThreshold_AndMaximumDetections_KeepTheBestBoxesAboveTheThreshold()
    {
        using var scope = NewDisposeScope();
        var output = Maps();
        float[] logits = [1.5f, -1, 0.5f, 2.5f, -3];
        for (var i = 0; i < logits.Length; i++)
        {
            Peak(output, cls: i % 2, x: 1 + i, y: 1 + (i % 2 * 4), logit: logits[i], width: 1, height: 1);
        }

        var aboveHalf = Decode(output, new DetectionDecoding(0.5f, 0.5f, 100));
        var topTwo = Decode(output, new DetectionDecoding(0.05f, 0.5f, 2));

        var sigmoid = logits.Select(l => 1 / (1 + Math.Exp(-l))).ToArray();
        Assert.AreEqual(sigmoid.Count(s => s >= 0.5), DetectionRow.Count(aboveHalf));
        Assert.AreEqual(2, DetectionRow.Count(topTwo));
        Assert.AreEqual(sigmoid[3], DetectionRow.Score(topTwo, 0), 1e-6);
        Assert.AreEqual(sigmoid[0], DetectionRow.Score(topTwo, 1), 1e-6);
        Assert.HasCount(DetectionRow.Size(2), topTwo, "the row has room for two boxes");
    }

    [TestMethod]
    public void OnlyLocalMaxima_AreBoxes_AndBoxesAreClippedToTheImage()
    {
        using var scope = NewDisposeScope();
        var output = Maps();
        Peak(output, cls: 0, x: 0, y: 7, logit: 3, width: 6, height: 6);
        output[0, 0, 7, 1] = tensor(2.5f);                       // a neighbour of the peak, lower: not a maximum

        var row = Decode(output, new DetectionDecoding(0.05f, 1f, 100));

        Assert.AreEqual(1, DetectionRow.Count(row));
        CollectionAssert.AreEqual(new[] { 0f, 16, 12, 32 }, DetectionRow.Corners(row, 0).ToArray(), new ToleranceComparer(1e-5f));
    }

    /// <summary>Maps of one image where every heatmap logit is −10 (score ≈ 0) and sizes and offsets 0.</summary>
    private static Tensor Maps()
    {
        var output = zeros(1, Classes + 4, Map, Map);
        output[0, ..Classes] = full(Classes, Map, Map, -10f);
        return output;
    }

    private static void Peak(Tensor output, int cls, int x, int y, float logit, float width, float height, float offsetX = 0, float offsetY = 0)
    {
        output[0, cls, y, x] = tensor(logit);
        output[0, Classes, y, x] = tensor(width);
        output[0, Classes + 1, y, x] = tensor(height);
        output[0, Classes + 2, y, x] = tensor(offsetX);
        output[0, Classes + 3, y, x] = tensor(offsetY);
    }

    private static float[] Decode(Tensor output, DetectionDecoding decoding) =>
        new DetectionDecoder(decoding, Stride, Image, Image).Decode(output, Classes)[0].data<float>().ToArray();
}
