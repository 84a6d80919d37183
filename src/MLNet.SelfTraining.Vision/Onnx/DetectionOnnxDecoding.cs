using MLNet.SelfTraining.Vision.Tasks.Detection;
using static MLNet.SelfTraining.Vision.Onnx.OnnxAttributes;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// The detector's CenterNet decode (<see cref="DetectionDecoder"/>) as ONNX nodes on one image's (1, K + 4, h, w) maps:
/// heat = <c>Sigmoid</c> of the K heatmap logits; peaks = heat where it equals its 3×3 <c>MaxPool</c>; <c>TopK</c> of the
/// peaks over K·h·w (the candidates); each candidate's class, cell, size and offset (<c>Div</c>, <c>Mod</c>,
/// <c>Gather</c>); its box in pixels clipped to the image (<c>Max</c>, <c>Min</c>; a negative size counts as 0, <c>Relu</c>);
/// <c>NonMaxSuppression</c> on the boxes shifted by class × (max(W, H) + 1), so boxes of different classes never overlap,
/// keeping at most the maximum detections in descending score; then the kept boxes scoring at least the threshold
/// (<c>Compress</c>). Filtering after NMS keeps the same boxes as TorchSharp's filtering before it: a box below the
/// threshold can only suppress boxes scoring no higher, which are below it too, and NMS's output is in descending score.
/// </summary>
internal static class DetectionOnnxDecoding
{
    /// <summary>The kept boxes, n of them: Int64 class indices (n), Float32 scores (n) and corners (n, 4), x0 y0 x1 y1.</summary>
    public sealed record Boxes(string Classes, string Scores, string Corners);

    /// <summary>Adds the decode of <paramref name="maps"/>; returns the kept boxes.</summary>
    /// <param name="graph">The graph to add to.</param>
    /// <param name="maps">The network's (1, K + 4, h, w) output.</param>
    /// <param name="classCount">K.</param>
    /// <param name="stride">Pixels per map cell.</param>
    /// <param name="imageHeight">H, the clipping bound of y.</param>
    /// <param name="imageWidth">W, the clipping bound of x.</param>
    /// <param name="decoding">Candidates, threshold, NMS IoU and maximum detections.</param>
    public static Boxes Add(OnnxGraph graph, string maps, int classCount, int stride, int imageHeight, int imageWidth, DetectionDecoding decoding)
    {
        var channels = graph.Int64s("channel_axis", [1], 1);
        var heat = graph.Add("Sigmoid", "heat", [graph.Add("Slice", "heat_logits", [maps, graph.Int64s("heat_start", [0], 1), graph.Int64s("heat_end", [classCount], 1), channels])]);
        var pooled = graph.Add("MaxPool", "heat_pooled", [heat], Ints("kernel_shape", 3, 3), Ints("strides", 1, 1), Ints("pads", 1, 1, 1, 1));
        var peaks = graph.Add("Mul", "peaks", [heat, graph.Add("Cast", "is_peak", [graph.Add("Equal", "peak", [pooled, heat])], Int("to", (long)global::Onnx.TensorProto.Types.DataType.Float))]);
        var flat = graph.Add("Reshape", "peaks_flat", [peaks, graph.Int64s("flat", [-1], 1)]);        // (K·h·w)
        var k = graph.Add("Min", "candidates", [graph.Add("Shape", "peak_count", [flat]), graph.Int64s("most_candidates", [decoding.Candidates], 1)]);
        var top = graph.AddOutputs("TopK", "top", [flat, k], 2, Int("axis", 0), Int("largest", 1), Int("sorted", 1));
        var (scores, index) = (top[0], top[1]);                                                               // (k) each

        var shape = graph.Add("Shape", "maps_shape", [maps]);
        var width = graph.Add("Gather", "map_width", [shape, graph.Int64s("width_axis", [3], 1)]);
        var cells = graph.Add("Mul", "map_cells", [graph.Add("Gather", "map_height", [shape, graph.Int64s("height_axis", [2], 1)]), width]);
        var classes = graph.Add("Div", "classes", [index, cells]);
        var cell = graph.Add("Mod", "cell", [index, cells]);
        var toFloat = Int("to", (long)global::Onnx.TensorProto.Types.DataType.Float);
        var column = graph.Add("Unsqueeze", "px", [graph.Add("Cast", "px_float", [graph.Add("Mod", "px_cell", [cell, width])], toFloat), graph.Int64s("row_axis", [0], 1)]);
        var row = graph.Add("Unsqueeze", "py", [graph.Add("Cast", "py_float", [graph.Add("Div", "py_cell", [cell, width])], toFloat), graph.Int64s("row_axis", [0], 1)]);

        var regression = graph.Add("Reshape", "regression", [
            graph.Add("Slice", "regression_maps", [maps, graph.Int64s("regression_start", [classCount], 1), graph.Int64s("regression_end", [classCount + 4], 1), channels]),
            graph.Int64s("regression_shape", [4, -1], 2)]);                                                  // (4, h·w)
        var at = graph.Add("Gather", "at", [regression, cell], Int("axis", 1));                              // (4, k): sw, sh, ox, oy
        var centre = graph.Add("Add", "centre", [graph.Add("Concat", "cell_xy", [column, row], Int("axis", 0)), Rows(graph, at, 2, 4, "offset")]);
        var half = graph.Add("Div", "half_size", [graph.Add("Relu", "size", [Rows(graph, at, 0, 2, "raw_size")]), graph.Floats("two", [2f], 1)]);
        var bounds = graph.Floats("image_bounds", [imageWidth, imageHeight], 2, 1);
        var pixels = graph.Floats("stride", [stride], 1);
        var zero = graph.Floats("zero_pixel", [0f], 1);
        string Corner(string op, string hint) =>
            graph.Add("Min", hint, [graph.Add("Max", hint + "_low", [graph.Add("Mul", hint + "_pixels", [graph.Add(op, hint + "_cells", [centre, half]), pixels]), zero]), bounds]);
        var corners = graph.Add("Transpose", "corners", [graph.Add("Concat", "corner_rows", [Corner("Sub", "top_left"), Corner("Add", "bottom_right")], Int("axis", 0))],
            Ints("perm", 1, 0));                                                                             // (k, 4)

        var shift = graph.Add("Unsqueeze", "class_shift", [
            graph.Add("Mul", "class_offset", [graph.Add("Cast", "class_float", [classes], toFloat), graph.Floats("class_spacing", [Math.Max(imageWidth, imageHeight) + 1], 1)]),
            graph.Int64s("column_axis", [1], 1)]);
        var nmsBoxes = graph.Add("Unsqueeze", "nms_boxes", [graph.Add("Add", "shifted", [corners, shift]), graph.Int64s("batch_axis", [0], 1)]);
        var nmsScores = graph.Add("Unsqueeze", "nms_scores", [scores, graph.Int64s("batch_class_axes", [0, 1], 2)]);
        var selected = graph.Add("NonMaxSuppression", "nms", [nmsBoxes, nmsScores,
            graph.Int64s("maximum_detections", [decoding.MaximumDetections], 1), graph.Floats("iou_threshold", [decoding.NmsIouThreshold], 1)],
            Int("center_point_box", 0));                                                                     // (m, 3): batch, class, box
        var chosen = graph.Add("Gather", "chosen", [selected, graph.Int64s("box_field", [2])], Int("axis", 1));
        var passing = graph.Add("GreaterOrEqual", "passing", [graph.Add("Gather", "chosen_scores", [scores, chosen]), graph.Floats("score_threshold", [decoding.ScoreThreshold], 1)]);
        var kept = graph.Add("Compress", "kept", [chosen, passing], Int("axis", 0));                        // (n)

        return new Boxes(
            graph.Add("Gather", "kept_classes", [classes, kept]),
            graph.Add("Gather", "kept_scores", [scores, kept]),
            graph.Add("Gather", "kept_corners", [corners, kept], Int("axis", 0)));
    }

    /// <summary>Rows <paramref name="start"/>…<paramref name="end"/> − 1 of a (4, k) value.</summary>
    private static string Rows(OnnxGraph graph, string value, long start, long end, string hint) =>
        graph.Add("Slice", hint, [value, graph.Int64s(hint + "_start", [start], 1), graph.Int64s(hint + "_end", [end], 1), graph.Int64s(hint + "_axis", [0], 1)]);
}
