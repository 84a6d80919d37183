using Microsoft.ML;
using MLNet.SelfTraining.Vision.Onnx;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>Export to ONNX and to plain ML.NET models (<c>Onnx/</c>).</summary>
public sealed partial class TorchImageSegmenterTransformer
{
    /// <summary>
    /// Writes the segmenter as an ONNX model (IR 8, opset 13, standard operators), atomically replacing
    /// <paramref name="path"/>. Input: the feature column's name, Float32 (N, C·H·W), the pixels as this segmenter reads
    /// them (the input scale is inside the graph). Outputs: <c>PredictedMask</c>, UInt8 (N, H·W), each pixel's most
    /// probable class index, row-major (255 everywhere for a row with a NaN or ±Inf pixel); and <c>Confidence</c>,
    /// Float32 (N, H·W), that class's softmax probability (NaN everywhere for such a row). N is dynamic. The head's
    /// bilinear upsampling is an ONNX <c>Resize</c> (linear, <c>pytorch_half_pixel</c> coordinates, as TorchSharp's
    /// <c>interpolate</c> with <c>align_corners = false</c>); dropout is the identity in eval mode and is left out.
    /// </summary>
    /// <param name="path">The .onnx file; its directory must exist.</param>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (the message names it).</exception>
    public void ExportOnnx(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var onnx = OnnxModel(batched: true);
        AtomicFile.Write(path, stream => stream.Write(onnx));
    }

    /// <summary>
    /// The segmenter as ML.NET's own <c>OnnxTransformer</c> around its ONNX model (<see cref="ExportOnnx"/>'s graph for
    /// one image: without the batch axis, as the transformer scores a row at a time), which
    /// <c>mlContext.Model.Save</c> saves into an ML.NET zip (the ONNX bytes inside it) and <c>mlContext.Model.Load</c>
    /// reads back with Microsoft.ML and Microsoft.ML.OnnxTransformer alone: no TorchSharp, no reference to this library
    /// (the application needs an ONNX Runtime native package, e.g. Microsoft.ML.OnnxRuntime). Its columns are this
    /// segmenter's, of the same types: <c>PredictedMask</c> (a known-size vector of H·W <see cref="byte"/>) and
    /// <c>Confidence</c> (H·W <see cref="float"/>), so <c>PredictionEngine</c> and <c>mlContext.Segmentation().Evaluate</c>
    /// work as on this segmenter. The one difference: <c>PredictedMask</c> has no class names annotation (no public
    /// ML.NET transform can attach one), so <c>Evaluate</c> needs them on the true mask column, and the class of index i
    /// is <see cref="ClassNames"/>[i].
    /// </summary>
    /// <remarks>The transformer holds an ONNX Runtime session: dispose it (it is <see cref="IDisposable"/>) when done.
    /// Confidences match this segmenter's within float rounding (tested within 1e-4) and masks are equal.</remarks>
    /// <param name="mlContext">The context the transformer is made in.</param>
    /// <returns>The fitted transformer, for its input schema: the feature column, a known-size vector of C·H·W Single.</returns>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (the message names it).</exception>
    public ITransformer ToMLNetModel(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return SegmenterOnnxChain.Create(mlContext, OnnxModel(batched: false), _info).Chain;
    }

    /// <summary>
    /// Saves <see cref="ToMLNetModel"/> with <c>mlContext.Model.Save</c> (input schema: the feature column), atomically
    /// replacing <paramref name="path"/>: a plain ML.NET zip that <c>mlContext.Model.Load</c> reads without this library
    /// or TorchSharp.
    /// </summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="path">The zip file; its directory must exist.</param>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (the message names it).</exception>
    public void SaveAsMLNetModel(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        PlainModelFile.Save(mlContext, SegmenterOnnxChain.Create(mlContext, OnnxModel(batched: false), _info), path);
    }

    /// <summary>The ONNX model's bytes, built from the network under the scorer's lock: batched (the file), or of one image
    /// (ML.NET's <c>OnnxTransformer</c> runs a row at a time; without the batch axis its columns are one-dimensional).</summary>
    private byte[] OnnxModel(bool batched)
    {
        byte[] onnx = [];
        _model.Use(network => onnx = SegmenterOnnxGraph.Build(network, _info, batched));
        return onnx;
    }
}
