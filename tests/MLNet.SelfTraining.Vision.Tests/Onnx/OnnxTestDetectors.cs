using Microsoft.ML;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tests.Tasks.Detection;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

/// <summary>Small detectors on the 1×32×32 synthetic box scenes (seconds to train) and how their detections compare.</summary>
internal static class OnnxTestDetectors
{
    /// <summary>32 test scenes (seed 2; training uses seed 1).</summary>
    public static BoxRow[] TestRows() => SyntheticBoxes.Rows(32, seed: 2);

    /// <summary>A detector of <paramref name="architecture"/> at width 8 (ResNet: blocks 1,1, input scale 0.5), 60 steps on
    /// 64 scenes, keeping boxes from score 0.02 with NMS at IoU 0.3 and at most 5 per image, so that the test sees NMS, the
    /// threshold and the cap at work.</summary>
    public static TorchObjectDetectorTransformer Scenes(MLContext mlContext, BackboneArchitecture architecture)
    {
        var options = SyntheticBoxes.Options(steps: 60);
        options.ScoreThreshold = 0.02f;
        options.NmsIouThreshold = 0.3f;
        options.MaximumDetections = 5;
        options.Network.Architecture = architecture;
        if (architecture == BackboneArchitecture.ResNet)
        {
            options.Network.BlocksPerStage = [1, 1];
            options.Network.InputScale = 0.5f;   // the graph must scale the pixels as the detector does
        }

        return mlContext.Detection().Trainers.TorchDetector(options).Fit(SyntheticBoxes.View(mlContext, SyntheticBoxes.Rows(64, seed: 1)));
    }

    /// <summary>Asserts equal labels and box counts, and scores and corners within <paramref name="tolerance"/>; returns
    /// the largest absolute difference of scores and corners (NaN against NaN counts as 0).</summary>
    public static float AssertSame(Detections[] expected, Detections[] actual, float tolerance)
    {
        Assert.HasCount(expected.Length, actual);
        var largest = 0f;
        for (var row = 0; row < expected.Length; row++)
        {
            CollectionAssert.AreEqual(expected[row].PredictedLabel, actual[row].PredictedLabel, $"row {row}: labels");
            Assert.HasCount(expected[row].Score.Length, actual[row].Score, $"row {row}: scores");
            Assert.HasCount(expected[row].PredictedBoundingBoxes.Length, actual[row].PredictedBoundingBoxes, $"row {row}: corners");
            var values = expected[row].Score.Concat(expected[row].PredictedBoundingBoxes)
                .Zip(actual[row].Score.Concat(actual[row].PredictedBoundingBoxes));
            foreach (var (first, second) in values)
            {
                var difference = float.IsNaN(first) && float.IsNaN(second) ? 0f : Math.Abs(first - second);
                largest = float.IsNaN(difference) ? float.PositiveInfinity : Math.Max(largest, difference);
            }
        }

        Assert.IsLessThanOrEqualTo(tolerance, largest);
        return largest;
    }
}
