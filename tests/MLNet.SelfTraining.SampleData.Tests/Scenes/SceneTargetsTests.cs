using MLNet.SelfTraining.SampleData.Scenes;

namespace MLNet.SelfTraining.SampleData.Tests.Scenes;

[TestClass]
public sealed class SceneTargetsTests
{
    private static MnistData Data => MnistDataset.ReadEmbedded10k();

    [TestMethod]
    [DataRow(64, 3)]
    [DataRow(96, 4)]
    [DataRow(32, 2)]
    public void Generate_MaskValues_FollowTheInkThresholds(int size, int maximumDigits)
    {
        var scenes = Generate(size, maximumDigits);

        var (images, masks) = (scenes.Images.ToArray(), scenes.Masks.ToArray());
        for (var pixel = 0; pixel < images.Length; pixel++)
        {
            var expectedKind = images[pixel] >= DigitScenes.MaskInkThreshold ? "class"
                : images[pixel] >= DigitScenes.RimInkThreshold ? "ignore" : "background";
            var kind = masks[pixel] == SegmentationMasks.Ignore ? "ignore" : masks[pixel] == 0 ? "background" : "class";
            Assert.AreEqual(expectedKind, kind, $"Pixel {pixel}: ink {images[pixel]}, mask {masks[pixel]}.");
            Assert.IsTrue(masks[pixel] is <= 10 or SegmentationMasks.Ignore);
        }
    }

    [TestMethod]
    [DataRow(64, 3)]
    [DataRow(96, 4)]
    public void Generate_MaskClasses_MatchBoxClassesAndLieInTheirBoxes(int size, int maximumDigits)
    {
        var scenes = Generate(size, maximumDigits);

        for (var scene = 0; scene < scenes.Count; scene++)
        {
            var digits = scenes.GetDigits(scene).ToArray();
            var mask = scenes.GetMask(scene);
            var maskClasses = new HashSet<int>();
            for (var pixel = 0; pixel < mask.Length; pixel++)
            {
                if (mask[pixel] is 0 or SegmentationMasks.Ignore)
                {
                    continue;
                }

                var (x, y, digit) = (pixel % size, pixel / size, mask[pixel] - 1);
                maskClasses.Add(digit);
                Assert.IsTrue(
                    digits.Any(d => d.Digit == digit && x >= d.X0 && x < d.X1 && y >= d.Y0 && y < d.Y1),
                    $"Scene {scene}: pixel ({x}, {y}) of digit {digit} lies in no box of that digit.");
            }

            CollectionAssert.AreEquivalent(digits.Select(d => d.Digit).Distinct().ToArray(), maskClasses.ToArray(), $"Scene {scene}.");
        }
    }

    [TestMethod]
    [DataRow(64, 3)]
    [DataRow(96, 4)]
    public void Generate_Boxes_AreTightOnTheCanvasAndOverlapAtMostTheLimit(int size, int maximumDigits)
    {
        var scenes = Generate(size, maximumDigits);

        for (var scene = 0; scene < scenes.Count; scene++)
        {
            var digits = scenes.GetDigits(scene).ToArray();
            var image = scenes.GetImage(scene).ToArray();
            Assert.IsLessThanOrEqualTo(maximumDigits, digits.Length);
            foreach (var box in digits)
            {
                Assert.IsTrue(box.X0 >= 0 && box.Y0 >= 0 && box.X1 <= size && box.Y1 <= size && box.X1 > box.X0 && box.Y1 > box.Y0, $"{box}");
                // Tight: each edge row and column of the box holds composite ink ≥ the box threshold.
                Assert.IsTrue(Enumerable.Range(box.X0, box.X1 - box.X0).Any(x => image[(box.Y0 * size) + x] >= DigitScenes.BoxInkThreshold), $"{box} top");
                Assert.IsTrue(Enumerable.Range(box.X0, box.X1 - box.X0).Any(x => image[((box.Y1 - 1) * size) + x] >= DigitScenes.BoxInkThreshold), $"{box} bottom");
                Assert.IsTrue(Enumerable.Range(box.Y0, box.Y1 - box.Y0).Any(y => image[(y * size) + box.X0] >= DigitScenes.BoxInkThreshold), $"{box} left");
                Assert.IsTrue(Enumerable.Range(box.Y0, box.Y1 - box.Y0).Any(y => image[(y * size) + box.X1 - 1] >= DigitScenes.BoxInkThreshold), $"{box} right");
            }

            for (var i = 0; i < digits.Length; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    Assert.IsLessThanOrEqualTo(0.15, IntersectionOverUnion(digits[i], digits[j]), $"Scene {scene}: {digits[i]} and {digits[j]}.");
                }
            }
        }
    }

    [TestMethod]
    public void Generate_Defaults_AverageAboutTwoDigitsAndFewPercentInk()
    {
        var scenes = Generate(64, 3, count: 500);

        var digitsPerScene = (double)scenes.DigitCount / scenes.Count;
        var masks = scenes.Masks.ToArray();
        var ink = masks.Count(m => m is > 0 and < SegmentationMasks.Ignore) / (double)masks.Length;
        var ignored = masks.Count(m => m == SegmentationMasks.Ignore) / (double)masks.Length;

        Assert.IsTrue(digitsPerScene is > 1.9 and <= 2.1, $"{digitsPerScene} digits per scene.");
        Assert.IsTrue(ink is > 0.02 and < 0.045, $"{ink:P2} ink.");
        Assert.IsTrue(ignored is > 0.008 and < 0.025, $"{ignored:P2} ignored.");
    }

    [TestMethod]
    public void Generate_NoOverlapAllowedAndOneAttempt_LeavesDigitsOut()
    {
        var options = new SceneOptions { MinimumDigits = 4, MaximumDigits = 4, MaximumOverlap = 0, MaximumPlacementAttempts = 1 };

        var scenes = DigitScenes.Generate(Data, MnistSplit.Canonical(Data, 10).Test, 100, options, seed: 1);

        Assert.IsLessThan(4.0, (double)scenes.DigitCount / scenes.Count);
        Assert.IsGreaterThanOrEqualTo(1, Enumerable.Range(0, 100).Min(scene => scenes.GetDigits(scene).Length));
        for (var scene = 0; scene < scenes.Count; scene++)
        {
            var digits = scenes.GetDigits(scene).ToArray();
            Assert.IsTrue(digits.SelectMany((a, i) => digits.Take(i).Select(b => IntersectionOverUnion(a, b))).All(iou => iou == 0));
        }
    }

    /// <summary>The intersection over union of two boxes, computed independently of the generator.</summary>
    internal static double IntersectionOverUnion(SceneDigit a, SceneDigit b)
    {
        var width = Math.Max(0, Math.Min(a.X1, b.X1) - Math.Max(a.X0, b.X0));
        var height = Math.Max(0, Math.Min(a.Y1, b.Y1) - Math.Max(a.Y0, b.Y0));
        double intersection = width * height;
        return intersection / (((a.X1 - a.X0) * (a.Y1 - a.Y0)) + ((b.X1 - b.X0) * (b.Y1 - b.Y0)) - intersection);
    }

    private static SceneSet Generate(int size, int maximumDigits, int count = 120) =>
        DigitScenes.Generate(
            Data, MnistSplit.Canonical(Data, 10).Labeled.Concat(MnistSplit.Canonical(Data, 10).Unlabeled).ToArray(), count,
            new SceneOptions { CanvasSize = size, MaximumDigits = maximumDigits }, seed: 11);
}
