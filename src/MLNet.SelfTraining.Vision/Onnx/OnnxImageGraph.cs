using Google.Protobuf;
using MLNet.SelfTraining.Vision.Models;
using Onnx;
using static MLNet.SelfTraining.Vision.Onnx.OnnxAttributes;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// The parts every exported image model shares: the pixel input (the feature column's flat rows, reshaped to images and
/// scaled as the TorchSharp scorer scales them), the non-finite row guard, typed graph inputs and outputs, and the
/// model file (IR 8, opset <see cref="Opset"/>, standard operators only).
/// </summary>
internal static class OnnxImageGraph
{
    /// <summary>The ONNX standard opset written.</summary>
    public const long Opset = 13;

    /// <summary>The name of the dynamic batch axis.</summary>
    public const string Batch = "N";

    /// <summary>Declares <paramref name="input"/>, Float32 (<paramref name="batch"/>…, C·H·W), and adds its reshape to
    /// (batch, C, H, W) and the input scale (<c>Mul</c>, when it is not 1); returns the images' value name.</summary>
    /// <param name="graph">The graph to add to.</param>
    /// <param name="input">The feature column's name, the graph input's.</param>
    /// <param name="spec">The network: channels and image size.</param>
    /// <param name="inputScale">Factor applied to the pixels before the network.</param>
    /// <param name="batch">The leading axes: the dynamic batch axis, or none for a graph of one image (C·H·W).</param>
    public static string Images(OnnxGraph graph, string input, ImageNetworkSpec spec, float inputScale, params TensorShapeProto.Types.Dimension[] batch)
    {
        graph.Proto.Input.Add(Tensor(input, TensorProto.Types.DataType.Float, [.. batch, Fixed((long)spec.Channels * spec.PixelCount)]));
        var images = graph.Add("Reshape", "images", [input, graph.Int64s("image_shape", [-1, spec.Channels, spec.ImageHeight, spec.ImageWidth], 4)]);
        return inputScale == 1f ? images : graph.Add("Mul", "scaled", [images, graph.Floats("input_scale", [inputScale])]);
    }

    /// <summary>(batch…, 1) Float32: 0 for a row of finite pixels, NaN for a row with a NaN or ±Inf pixel (x − x summed
    /// over the last axis); it broadcasts against a row's outputs.</summary>
    public static string NonFiniteGuard(OnnxGraph graph, string input)
    {
        var difference = graph.Add("Sub", "non_finite", [input, input]);
        return graph.Add("ReduceSum", "non_finite_row", [difference, graph.Int64s("pixel_axis", [-1], 1)], Int("keepdims", 1));
    }

    /// <summary>A dynamic axis named <paramref name="name"/>.</summary>
    public static TensorShapeProto.Types.Dimension Dynamic(string name) => new() { DimParam = name };

    /// <summary>An axis of <paramref name="size"/>.</summary>
    public static TensorShapeProto.Types.Dimension Fixed(long size) => new() { DimValue = size };

    /// <summary>A tensor's declaration: its name, element type and axes.</summary>
    public static ValueInfoProto Tensor(string name, TensorProto.Types.DataType type, params TensorShapeProto.Types.Dimension[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(dims);
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    /// <summary>The model file of <paramref name="graph"/>: IR 8, the standard opset <see cref="Opset"/>, this library as producer.</summary>
    public static byte[] Model(OnnxGraph graph, string docString)
    {
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "MLNet.SelfTraining.Vision",
            ProducerVersion = typeof(OnnxImageGraph).Assembly.GetName().Version?.ToString() ?? "",
            DocString = docString,
            Graph = graph.Proto,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        return model.ToByteArray();
    }
}
