using TorchSharp;
using TorchSharp.Modules;
using static MLNet.SelfTraining.Vision.Onnx.OnnxAttributes;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>TorchSharp's own layers as ONNX nodes (opset 13), in eval mode; weights become Float32 initializers.</summary>
internal static class LayerExport
{
    /// <summary><c>Conv</c> with the layer's kernel, strides, symmetric zero padding, dilations and groups.</summary>
    public static string Conv(OnnxGraph graph, Conv2d conv, string input, string path)
    {
        if (conv.padding_type is not null || conv.padding_mode != PaddingModes.Zeros || conv.transposed)
        {
            throw ModuleExporter.Unsupported(conv, path, "only explicit zero padding of a non-transposed convolution maps to ONNX Conv");
        }

        var inputs = new List<string> { input, Weights(graph, path + ".weight", conv.weight!) };
        if (conv.bias is { } bias)
        {
            inputs.Add(Weights(graph, path + ".bias", bias));
        }

        var padding = conv.padding ?? [0, 0];
        return graph.Add("Conv", path, inputs,
            Ints("kernel_shape", conv.kernel_size),
            Ints("strides", conv.stride),
            Ints("pads", [.. padding, .. padding]),
            Ints("dilations", conv.dilation),
            Int("group", conv.groups));
    }

    /// <summary><c>BatchNormalization</c> with the running statistics (inference mode).</summary>
    public static string BatchNorm(OnnxGraph graph, BatchNorm2d bn, string input, string path)
    {
        if (bn.running_mean is null || bn.running_var is null)
        {
            throw ModuleExporter.Unsupported(bn, path, "a batch norm without running statistics has no inference form");
        }

        var channels = bn.num_features;
        var scale = bn.weight is { } weight ? Weights(graph, path + ".weight", weight) : Constant(graph, path + ".weight", 1f, channels);
        var shift = bn.bias is { } bias ? Weights(graph, path + ".bias", bias) : Constant(graph, path + ".bias", 0f, channels);
        return graph.Add("BatchNormalization", path,
            [input, scale, shift, Weights(graph, path + ".running_mean", bn.running_mean), Weights(graph, path + ".running_var", bn.running_var)],
            Float("epsilon", (float)bn.eps));
    }

    /// <summary><c>MaxPool</c> with the layer's kernel, strides (the kernel's when unset), padding, dilations and rounding.</summary>
    public static string MaxPool(OnnxGraph graph, MaxPool2d pool, string input, string path)
    {
        var padding = pool.padding ?? [0, 0];
        return graph.Add("MaxPool", path, [input],
            Ints("kernel_shape", pool.kernel_size),
            Ints("strides", pool.stride ?? pool.kernel_size),
            Ints("pads", [.. padding, .. padding]),
            Ints("dilations", pool.dilation ?? [1, 1]),
            Int("ceil_mode", pool.ceil_mode ? 1 : 0));
    }

    /// <summary><c>GlobalAveragePool</c>: the only adaptive average pooling the networks use is to 1×1.</summary>
    public static string AdaptiveAveragePool(OnnxGraph graph, AdaptiveAvgPool2d pool, string input, string path)
    {
        if (pool.output_size.Any(size => size != 1))
        {
            throw ModuleExporter.Unsupported(pool, path, $"only an output size of 1×1 maps to ONNX GlobalAveragePool (got {string.Join("×", pool.output_size)})");
        }

        return graph.Add("GlobalAveragePool", path, [input]);
    }

    /// <summary><c>Gemm</c> with the transposed weight (y = x·Wᵀ + b) on a (B, in) input.</summary>
    public static string Linear(OnnxGraph graph, Linear linear, string input, string path)
    {
        var inputs = new List<string> { input, Weights(graph, path + ".weight", linear.weight!) };
        if (linear.bias is { } bias)
        {
            inputs.Add(Weights(graph, path + ".bias", bias));
        }

        return graph.Add("Gemm", path, inputs, Int("transB", 1));
    }

    /// <summary>Adds <paramref name="tensor"/>'s values (Float32, row-major) as an initializer of its shape.</summary>
    public static string Weights(OnnxGraph graph, string name, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return graph.Floats(name, values.data<float>().ToArray(), values.shape);
    }

    private static string Constant(OnnxGraph graph, string name, float value, long count) =>
        graph.Floats(name, Enumerable.Repeat(value, checked((int)count)).ToArray(), count);
}
