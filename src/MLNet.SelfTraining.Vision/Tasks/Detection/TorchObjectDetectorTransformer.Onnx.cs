using Microsoft.ML;
using MLNet.SelfTraining.Vision.Onnx;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>Export to ONNX and to plain ML.NET models (<c>Onnx/</c>).</summary>
public sealed partial class TorchObjectDetectorTransformer
{
    /// <summary>
    /// Writes the detector as an ONNX model of one image (IR 8, opset 13, standard operators), decode and NMS included,
    /// atomically replacing <paramref name="path"/>. Input: the feature column's name, Float32 (C·H·W), the pixels as this
    /// detector reads them (the input scale is inside the graph); no batch axis, since images differ in their number of
    /// boxes n. Outputs, named as this detector's columns: <see cref="PredictedLabelColumnName"/>, String (1, n), each
    /// box's class name (of <see cref="ClassNames"/>); <see cref="ScoreColumnName"/>, Float32 (1, n), descending; and
    /// <see cref="PredictedBoundingBoxesColumnName"/>, Float32 (1, 4·n), x0, y0, x1, y1 per box in pixels. The decode is
    /// this detector's: sigmoid heatmap, 3×3 max-pool peaks, top candidates, boxes from size and offset clipped to the
    /// image, class-aware <c>NonMaxSuppression</c> at <see cref="NmsIouThreshold"/> keeping at most
    /// <see cref="MaximumDetections"/>, then the boxes scoring at least <see cref="ScoreThreshold"/>. A row with a NaN or
    /// ±Inf pixel gives one entry: the empty name, a NaN score and four NaN corners.
    /// </summary>
    /// <param name="path">The .onnx file; its directory must exist.</param>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (the message names it).</exception>
    /// <exception cref="InvalidOperationException">The class names are not distinct and non-empty.</exception>
    public void ExportOnnx(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var onnx = OnnxModel(ExportedClassNames());
        AtomicFile.Write(path, stream => stream.Write(onnx));
    }

    /// <summary>
    /// The detector as a chain of ML.NET's own transformers around its ONNX model (<see cref="ExportOnnx"/>), which
    /// <c>mlContext.Model.Save</c> saves into an ML.NET zip (the ONNX bytes inside it) and <c>mlContext.Model.Load</c>
    /// reads back with Microsoft.ML and Microsoft.ML.OnnxTransformer alone: no TorchSharp, no reference to this library
    /// (the application needs an ONNX Runtime native package, e.g. Microsoft.ML.OnnxRuntime). Its columns are this
    /// detector's, of the same names and types: the labels (a variable-size vector of Key&lt;uint, K&gt; with the class
    /// names as key values), the scores and the boxes (variable-size vectors of Single), so <c>PredictionEngine</c> and
    /// the detection metrics work as on this detector. The chain is <c>ApplyOnnxModel</c> (class names, scores, boxes)
    /// → <c>MapValueToKey</c> (names to keys, the class names as key data).
    /// </summary>
    /// <remarks>The chain holds an ONNX Runtime session: dispose it (it is <see cref="IDisposable"/>) when done. Scores and
    /// boxes match this detector's within float rounding (tested within 1e-4 on a trained detector) and the labels are
    /// equal, as long as no decision hangs on the last bit of a float: two neighbouring heat values equal within rounding
    /// (a flat, untrained heatmap), exactly tied scores (whose order ONNX Runtime's <c>TopK</c> and <c>NonMaxSuppression</c>
    /// and libtorch need not share), or a score threshold of 0 (which lets through non-peak cells of score 0, taken in an
    /// order of the implementation's choosing).</remarks>
    /// <param name="mlContext">The context the chain is made in.</param>
    /// <returns>The fitted chain, for its input schema: the feature column, a known-size vector of C·H·W Single.</returns>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (the message names it).</exception>
    /// <exception cref="InvalidOperationException">The class names are not distinct and non-empty.</exception>
    public ITransformer ToMLNetModel(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        var classNames = ExportedClassNames();
        return DetectorOnnxChain.Create(mlContext, OnnxModel(classNames), _info, classNames).Chain;
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
        var classNames = ExportedClassNames();
        PlainModelFile.Save(mlContext, DetectorOnnxChain.Create(mlContext, OnnxModel(classNames), _info, classNames), path);
    }

    private string[] ExportedClassNames() => OnnxClassNames.Checked(_info.ClassNames, "detector");

    /// <summary>The ONNX model's bytes, built from the network under the scorer's lock.</summary>
    private byte[] OnnxModel(string[] classNames)
    {
        byte[] onnx = [];
        _model.Use(network => onnx = DetectorOnnxGraph.Build(network, _info, classNames));
        return onnx;
    }
}
