using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using Onnx;
using static MLNet.SelfTraining.Vision.Onnx.OnnxImageGraph;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// A fitted detector as an ONNX model of one image (<see cref="OnnxImageGraph"/>; no batch axis, since the number of
/// boxes differs per image and a tensor is rectangular), the CenterNet decode and NMS inside (<see cref="DetectionOnnxDecoding"/>):
/// <list type="bullet">
/// <item>input: the feature column's name, Float32 (C·H·W): the pixels as the detector's image column holds them;</item>
/// <item>the label output (the detector's <c>PredictedLabel</c> column name), String (1, n): each box's class name;</item>
/// <item>the score output (<c>Score</c>), Float32 (1, n): each box's score, descending;</item>
/// <item>the box output (<c>PredictedBoundingBoxes</c>), Float32 (1, 4·n): each box's x0, y0, x1, y1 in pixels;</item>
/// <item>n ≤ the maximum detections; a row with a NaN or ±Inf pixel gives one entry: the empty name, NaN, four NaN (as
/// the TorchSharp detector's missing key, NaN score and four NaN corners).</item>
/// </list>
/// </summary>
internal static class DetectorOnnxGraph
{
    /// <summary>The name of the boxes' dynamic axis.</summary>
    private const string Detections = "n";

    /// <summary>Builds the model of <paramref name="network"/> (in eval mode) for a detector described by <paramref name="info"/>.</summary>
    /// <param name="network">The detector's network.</param>
    /// <param name="info">The detector's columns, image size, classes, input scale and decoding.</param>
    /// <param name="classNames">The K class names, checked distinct and non-empty.</param>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (named in the message).</exception>
    public static byte[] Build(ImageNetwork network, DetectorInfo info, string[] classNames)
    {
        var spec = info.Spec;
        var input = info.FeatureColumnName;
        var names = info.Outputs;
        var graph = new OnnxGraph("TorchObjectDetector", [input, names.PredictedLabel, names.Score, names.PredictedBoundingBoxes]);
        graph.Proto.Output.Add(Tensor(names.PredictedLabel, TensorProto.Types.DataType.String, Fixed(1), Dynamic(Detections)));
        graph.Proto.Output.Add(Tensor(names.Score, TensorProto.Types.DataType.Float, Fixed(1), Dynamic(Detections)));
        graph.Proto.Output.Add(Tensor(names.PredictedBoundingBoxes, TensorProto.Types.DataType.Float, Fixed(1), Dynamic("4n")));

        var images = Images(graph, input, spec, info.InputScale);
        var maps = ModuleExporter.Export(graph, network, images, "");                          // (1, K + 4, h, w)
        var decoded = DetectionOnnxDecoding.Add(graph, maps, spec.ClassCount, spec.Backbone.Stride, spec.ImageHeight, spec.ImageWidth, info.Decoding);

        // A non-finite row keeps only the sentinel appended to each output: class K (the empty name), NaN, four NaN.
        var invalid = graph.Add("IsNaN", "invalid_row", [NonFiniteGuard(graph, input)]);                   // (1)
        var count = graph.Add("Shape", "count", [decoded.Scores]);                                          // (1)
        var start = graph.Add("Where", "start", [invalid, count, graph.Int64s("zero", [0], 1)]);
        var end = graph.Add("Where", "end", [invalid, graph.Add("Add", "count_and_sentinel", [count, graph.Int64s("one", [1], 1)]), count]);
        var first = graph.Int64s("first_axis", [0], 1);
        string Rows(string values, string sentinel, string hint) =>
            graph.Add("Slice", hint, [graph.Add("Concat", hint + "_and_sentinel", [values, sentinel], OnnxAttributes.Int("axis", 0)), start, end, first]);

        var classes = Rows(decoded.Classes, graph.Int64s("sentinel_class", [spec.ClassCount], 1), "row_classes");
        var nameTable = graph.Strings("class_names", [.. classNames, ""], classNames.Length + 1);
        var oneRow = graph.Int64s("one_row", [1, -1], 2);
        graph.AddTo("Reshape", names.PredictedLabel, [graph.Add("Gather", "row_names", [nameTable, classes]), oneRow]);
        graph.AddTo("Reshape", names.Score, [Rows(decoded.Scores, graph.Floats("sentinel_score", [float.NaN], 1), "row_scores"), oneRow]);
        graph.AddTo("Reshape", names.PredictedBoundingBoxes, [Rows(decoded.Corners, graph.Floats("sentinel_box", [float.NaN, float.NaN, float.NaN, float.NaN], 1, 4), "row_boxes"), oneRow]);

        return Model(graph, $"{spec.Describe()}; one image; outputs {names.PredictedLabel} (class names), {names.Score} and {names.PredictedBoundingBoxes} (x0 y0 x1 y1 per box).");
    }
}
