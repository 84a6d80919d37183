using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

/// <summary>Small segmenters on the 1×32×32 synthetic scenes (seconds to train) and what they score.</summary>
internal static class OnnxTestSegmenters
{
    /// <summary>32 test scenes (seed 2; training uses seed 1).</summary>
    public static SceneRow[] TestRows() => SyntheticScenes.Rows(32, seed: 2);

    /// <summary>A segmenter of <paramref name="architecture"/> at width 8 (ResNet: blocks 1,1, input scale 0.5), 40 steps on 64 scenes.</summary>
    public static TorchImageSegmenterTransformer Scenes(MLContext mlContext, BackboneArchitecture architecture)
    {
        var options = SyntheticScenes.Options(steps: 40);
        options.Network.Architecture = architecture;
        if (architecture == BackboneArchitecture.ResNet)
        {
            options.Network.BlocksPerStage = [1, 1];
            options.Network.InputScale = 0.5f;   // the graph must scale the pixels as the segmenter does
        }

        return mlContext.Segmentation().Trainers.TorchSegmenter(options).Fit(SyntheticScenes.View(mlContext, SyntheticScenes.Rows(64, seed: 1)));
    }

    /// <summary>The masks and confidences of a scored view.</summary>
    public static (byte[][] Masks, float[][] Confidences) Outputs(IDataView scored) =>
        (SyntheticScenes.PredictedMasks(scored), [.. scored.GetColumn<float[]>(DefaultColumnNames.Confidence)]);

    /// <summary>The largest absolute difference between two sets of confidences (NaN where both are NaN counts as 0).</summary>
    public static float MaxDifference(float[][] expected, float[][] actual) =>
        expected.Zip(actual).SelectMany(pair => pair.First.Zip(pair.Second))
            .Select(pair => float.IsNaN(pair.First) && float.IsNaN(pair.Second) ? 0f : Math.Abs(pair.First - pair.Second))
            .Max(difference => float.IsNaN(difference) ? float.PositiveInfinity : difference);
}
