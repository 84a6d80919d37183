using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// A segmenter's ONNX model of one image (<see cref="SegmenterOnnxGraph"/> without the batch axis: ML.NET's
/// <c>OnnxTransformer</c> runs one row at a time and would type a batched output (1, H·W)) as ML.NET's own saveable
/// <c>OnnxTransformer</c>, whose outputs are the TorchSharp segmenter's columns: <c>PredictedMask</c> (a known-size
/// vector of H·W Byte) and <c>Confidence</c> (H·W Single). The one difference: <c>PredictedMask</c> carries no <see cref="SegmentationMasks.ClassNamesAnnotation"/> annotation, which
/// no public ML.NET transform can attach (<c>Segmentation().Evaluate</c> takes the class names from the true mask column).
/// </summary>
internal static class SegmenterOnnxChain
{
    /// <summary>The transformer over <paramref name="onnx"/> (the one-image graph), fitted on an empty view of the feature column.</summary>
    /// <returns>The transformer and the input schema it was fitted on (the feature column).</returns>
    public static (ITransformer Chain, DataViewSchema InputSchema) Create(MLContext mlContext, byte[] onnx, SegmenterInfo info)
    {
        var input = OnnxInputView.Empty(mlContext, info.FeatureColumnName, info.Spec.Channels * info.Spec.PixelCount);
        using var model = new MemoryStream(onnx, writable: false);
        var chain = mlContext.Transforms.ApplyOnnxModel([SegmenterOnnxGraph.MaskOutput, SegmenterOnnxGraph.ConfidenceOutput],
            [info.FeatureColumnName], model).Fit(input);
        return (chain, input.Schema);
    }
}
