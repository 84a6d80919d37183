using MLNet.SelfTraining.Vision.Models.Backbones;
using static MLNet.SelfTraining.Vision.Onnx.OnnxAttributes;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// <see cref="ImageNetInput"/> as ONNX nodes, the same arithmetic in the same order: (B, 1 or 3, H, W) pixels in [0, 1]
/// → <c>Expand</c> to three channels (a grey channel is copied; RGB is unchanged) → <c>Gather</c> of channels 2, 1, 0
/// (RGB → BGR, TorchSharp's <c>flip(1)</c>) → <c>Mul</c> by 255 → <c>Sub</c> of the module's mean buffer (1, 3, 1, 1).
/// </summary>
internal static class ImageNetInputExport
{
    /// <summary>Adds the nodes; returns the output's name.</summary>
    /// <exception cref="NotSupportedException">The module has no mean buffer of shape (1, 3, 1, 1).</exception>
    public static string Nodes(OnnxGraph graph, ImageNetInput module, string input, string path)
    {
        var mean = module.named_buffers().FirstOrDefault(buffer => buffer.name == ImageNetInput.MeanBuffer).buffer;
        if (mean is null || !mean.shape.SequenceEqual([1L, 3, 1, 1]))
        {
            var got = mean is null ? "none" : $"({string.Join(", ", mean.shape)})";
            throw ModuleExporter.Unsupported(module, path, $"expected a buffer '{ImageNetInput.MeanBuffer}' of shape (1, 3, 1, 1); got {got}");
        }

        var rgb = graph.Add("Expand", path + ".rgb", [input, graph.Int64s(path + ".rgb_shape", [1, 3, 1, 1], 4)]);
        var bgr = graph.Add("Gather", path + ".bgr", [rgb, graph.Int64s(path + ".bgr_order", [2, 1, 0], 3)], Int("axis", 1));
        var scaled = graph.Add("Mul", path + ".scale", [bgr, graph.Floats(path + ".pixel_scale", [ImageNetInput.PixelScale])]);
        return graph.Add("Sub", path + ".sub_mean", [scaled, LayerExport.Weights(graph, path + "." + ImageNetInput.MeanBuffer, mean)]);
    }
}
