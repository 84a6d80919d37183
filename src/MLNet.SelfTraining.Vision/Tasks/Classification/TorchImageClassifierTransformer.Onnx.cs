using Microsoft.ML;
using MLNet.SelfTraining.Vision.Onnx;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>Export to ONNX and to plain ML.NET models (<c>Onnx/</c>).</summary>
public sealed partial class TorchImageClassifierTransformer
{
    /// <summary>
    /// Writes the classifier as an ONNX model (IR 8, opset 13, standard operators), atomically replacing
    /// <paramref name="path"/>. Input: the feature column's name, Float32 (N, C·H·W), the pixels as this classifier reads
    /// them (the input scale is inside the graph). Outputs: <c>Score</c>, Float32 (N, K), the class probabilities; and
    /// <c>PredictedClassIndex</c>, Int64 (N, 1), the most probable class, 0-based in the order of <see cref="ClassNames"/>
    /// (−1 for a row with a NaN or ±Inf pixel, whose scores are NaN). N is dynamic. Dropout and stochastic depth are the
    /// identity in eval mode and are left out.
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
    /// The classifier as a chain of ML.NET's own transformers around its ONNX model (<see cref="ExportOnnx"/>'s graph for
    /// one image: without the batch axis, as ML.NET's OnnxTransformer scores a row at a time), which
    /// <c>mlContext.Model.Save</c> saves into an ML.NET zip (the ONNX bytes inside it) and <c>mlContext.Model.Load</c>
    /// reads back with Microsoft.ML and Microsoft.ML.OnnxTransformer alone: no TorchSharp, no reference to this library
    /// (the application needs an ONNX Runtime native package, e.g. Microsoft.ML.OnnxRuntime). Its columns are this
    /// classifier's: <c>Score</c> (the class probabilities, a known-size vector of K Single, in key order; without slot
    /// names, which an ONNX output cannot carry: the class of slot i is key i + 1 of <c>PredictedLabel</c>) and
    /// <c>PredictedLabel</c> (a scalar key with the training label's key count and text key values; the keys' numbers
    /// "1"…"K" as text when the label's key values were not text), so <c>PredictionEngine</c>,
    /// <c>MulticlassClassification.Evaluate</c> and <c>MapKeyToValue</c> work as on this classifier. The chain is
    /// <c>ApplyOnnxModel</c> → <c>Hash</c> (combine) → <c>MapValue</c> → <c>MapValueToKey</c> → <c>DropColumns</c>: ML.NET
    /// has no public argmax-to-key transform, and hashing the ONNX model's one-slot class index is its only public,
    /// saveable way to make a scalar of it.
    /// </summary>
    /// <remarks>A method returning a saveable chain, rather than a transformer of this library's own, because ML.NET can
    /// load only its own transformers from its zip. The chain holds an ONNX Runtime session: dispose it (it is
    /// <see cref="IDisposable"/>) when done. Scores match this classifier's within float rounding (tested within 1e-4).</remarks>
    /// <param name="mlContext">The context the chain is made in.</param>
    /// <returns>The fitted chain, for its input schema: the feature column, a known-size vector of C·H·W Single.</returns>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (the message names it).</exception>
    /// <exception cref="InvalidOperationException">The class names are not distinct and non-empty.</exception>
    public ITransformer ToMLNetModel(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return ClassifierOnnxChain.Create(mlContext, OnnxModel(batched: false), _info).Chain;
    }

    /// <summary>
    /// Saves <see cref="ToMLNetModel"/> with <c>mlContext.Model.Save</c> (input schema: the feature column), atomically
    /// replacing <paramref name="path"/>: a plain ML.NET zip that <c>mlContext.Model.Load</c> reads without this library
    /// or TorchSharp.
    /// </summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="path">The zip file; its directory must exist.</param>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (the message names it).</exception>
    /// <exception cref="InvalidOperationException">The class names are not distinct and non-empty.</exception>
    public void SaveAsMLNetModel(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        PlainModelFile.Save(mlContext, ClassifierOnnxChain.Create(mlContext, OnnxModel(batched: false), _info), path);
    }

    /// <summary>The ONNX model's bytes, built from the network under the scorer's lock: batched (the file), or of one image
    /// (ML.NET's <c>OnnxTransformer</c> runs a row at a time; without the batch axis <c>Score</c> is one-dimensional).</summary>
    private byte[] OnnxModel(bool batched)
    {
        byte[] onnx = [];
        _model.Use(network => onnx = ClassifierOnnxGraph.Build(network, _info, batched));
        return onnx;
    }
}
