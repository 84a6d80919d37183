using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using Onnx;
using static MLNet.SelfTraining.Vision.Onnx.OnnxAttributes;
using static MLNet.SelfTraining.Vision.Onnx.OnnxImageGraph;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// A fitted segmenter as an ONNX model (<see cref="OnnxImageGraph"/>), batched on a dynamic first axis N, or of one image
/// without that axis (the form ML.NET's <c>OnnxTransformer</c> runs, one row at a time, so that its columns are the
/// one-dimensional vectors of the TorchSharp segmenter rather than (1, H·W)):
/// <list type="bullet">
/// <item>input: the feature column's name, Float32 (N, C·H·W): the pixels as the segmenter's image column holds them;</item>
/// <item>inside: reshape to (N, C, H, W), the input scale, the network in eval mode (the head's bilinear upsampling is a
/// <c>Resize</c> with <c>pytorch_half_pixel</c> coordinates), softmax over the K classes of each pixel;</item>
/// <item><see cref="MaskOutput"/>, UInt8 (N, H·W): each pixel's most probable class (the first on ties), row-major; 255
/// everywhere for a row with a NaN or ±Inf pixel (as the TorchSharp segmenter);</item>
/// <item><see cref="ConfidenceOutput"/>, Float32 (N, H·W): that class's probability; NaN everywhere for such a row.</item>
/// </list>
/// </summary>
internal static class SegmenterOnnxGraph
{
    /// <summary>The predicted mask's output (the segmenter's column name).</summary>
    public const string MaskOutput = DefaultColumnNames.PredictedMask;

    /// <summary>The per-pixel confidence's output (the segmenter's column name).</summary>
    public const string ConfidenceOutput = DefaultColumnNames.Confidence;

    /// <summary>Builds the model of <paramref name="network"/> (in eval mode) for a segmenter described by <paramref name="info"/>.</summary>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (named in the message).</exception>
    /// <param name="network">The segmenter's network.</param>
    /// <param name="info">The segmenter's columns, image size, classes and input scale.</param>
    /// <param name="batched">Whether inputs and outputs have the dynamic batch axis N (else one image: C·H·W in, H·W out).</param>
    public static byte[] Build(ImageNetwork network, SegmenterInfo info, bool batched)
    {
        var spec = info.Spec;
        var input = info.FeatureColumnName;
        TensorShapeProto.Types.Dimension[] batch = batched ? [Dynamic(Batch)] : [];
        var graph = new OnnxGraph("TorchImageSegmenter", [input, MaskOutput, ConfidenceOutput]);
        graph.Proto.Output.Add(Tensor(MaskOutput, TensorProto.Types.DataType.Uint8, [.. batch, Fixed(spec.PixelCount)]));
        graph.Proto.Output.Add(Tensor(ConfidenceOutput, TensorProto.Types.DataType.Float, [.. batch, Fixed(spec.PixelCount)]));

        var images = Images(graph, input, spec, info.InputScale, batch);
        var logits = ModuleExporter.Export(graph, network, images, "");                        // (N, K, H, W)
        var probabilities = graph.Add("Softmax", "probabilities", [logits], Int("axis", 1));
        var pixelRows = batched ? graph.Int64s("pixel_rows", [-1, spec.PixelCount], 2) : graph.Int64s("pixel_rows", [spec.PixelCount], 1);
        var best = graph.Add("ReduceMax", "best_probability", [probabilities], Ints("axes", 1), Int("keepdims", 0));
        var classes = graph.Add("ArgMax", "best_class", [probabilities], Int("axis", 1), Int("keepdims", 0));

        // The guard (0 or NaN per row) is added to every confidence; a NaN row's mask is the ignore value.
        var guard = NonFiniteGuard(graph, input);
        graph.AddTo("Add", ConfidenceOutput, [graph.Add("Reshape", "confidence_rows", [best, pixelRows]), guard]);
        var mask = graph.Add("Where", "mask_rows", [
            graph.Add("IsNaN", "invalid_row", [guard]),
            graph.Int64s("ignore", [SegmentationMasks.Ignore]),
            graph.Add("Reshape", "class_rows", [classes, pixelRows])]);
        graph.AddTo("Cast", MaskOutput, [mask], Int("to", (long)TensorProto.Types.DataType.Uint8));

        return Model(graph, $"{spec.Describe()}; outputs {MaskOutput} (each pixel's class, 255 for a non-finite input) and {ConfidenceOutput} (its probability).");
    }
}
