using Google.Protobuf;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using Onnx;
using static MLNet.SelfTraining.Vision.Onnx.OnnxAttributes;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// A fitted classifier as an ONNX model (IR 8, opset 13, standard operators only), batched on a dynamic first axis N:
/// <list type="bullet">
/// <item>input: the feature column's name, Float32 (N, C·H·W): the pixels as the classifier's <c>Features</c> column holds them;</item>
/// <item>inside: reshape to (N, C, H, W), the input scale (<c>Mul</c>, when it is not 1), the network in eval mode, softmax;</item>
/// <item><see cref="ScoreOutput"/>, Float32 (N, K): class probabilities, NaN for a row with a NaN or ±Inf pixel (as the TorchSharp classifier);</item>
/// <item><see cref="PredictedClassOutput"/>, Int64 (N, 1): the most probable class, 0-based (the first on ties), −1 for such a row.</item>
/// </list>
/// </summary>
internal static class ClassifierOnnxGraph
{
    /// <summary>The class probabilities' output.</summary>
    public const string ScoreOutput = "Score";

    /// <summary>The predicted class index's output.</summary>
    public const string PredictedClassOutput = "PredictedClassIndex";

    /// <summary>The ONNX standard opset written.</summary>
    public const long Opset = 13;

    /// <summary>Builds the model of <paramref name="network"/> (in eval mode) for a classifier described by <paramref name="info"/>.</summary>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (named in the message).</exception>
    public static byte[] Build(ImageNetwork network, ClassifierInfo info)
    {
        var spec = info.Spec;
        var input = info.FeatureColumnName;
        var graph = new OnnxGraph("TorchImageClassifier", [input, ScoreOutput, PredictedClassOutput]);
        graph.Proto.Input.Add(Tensor(input, TensorProto.Types.DataType.Float, "N", (long)spec.Channels * spec.PixelCount));
        graph.Proto.Output.Add(Tensor(ScoreOutput, TensorProto.Types.DataType.Float, "N", spec.ClassCount));
        graph.Proto.Output.Add(Tensor(PredictedClassOutput, TensorProto.Types.DataType.Int64, "N", 1));

        var images = graph.Add("Reshape", "images", [input, graph.Int64s("image_shape", [-1, spec.Channels, spec.ImageHeight, spec.ImageWidth], 4)]);
        if (info.InputScale != 1f)
        {
            images = graph.Add("Mul", "scaled", [images, graph.Floats("input_scale", [info.InputScale])]);
        }

        var logits = ModuleExporter.Export(graph, network, images, "");
        var probabilities = graph.Add("Softmax", "probabilities", [logits], Int("axis", 1));

        // x − x is 0 for a finite pixel and NaN for NaN or ±Inf: its row sum is 0 or NaN, added to every probability.
        var difference = graph.Add("Sub", "non_finite", [input, input]);
        var guard = graph.Add("ReduceSum", "non_finite_row", [difference, graph.Int64s("pixel_axis", [1], 1)], Int("keepdims", 1));
        graph.AddTo("Add", ScoreOutput, [probabilities, guard]);

        var best = graph.Add("ArgMax", "best", [ScoreOutput], Int("axis", 1), Int("keepdims", 1));
        var invalid = graph.Add("IsNaN", "invalid_row", [guard]);
        graph.AddTo("Where", PredictedClassOutput, [invalid, graph.Int64s("no_class", [-1]), best]);

        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "MLNet.SelfTraining.Vision",
            ProducerVersion = typeof(ClassifierOnnxGraph).Assembly.GetName().Version?.ToString() ?? "",
            DocString = $"{spec.Describe()}; outputs {ScoreOutput} (class probabilities) and {PredictedClassOutput} (0-based, -1 for a non-finite input).",
            Graph = graph.Proto,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        return model.ToByteArray();
    }

    private static ValueInfoProto Tensor(string name, TensorProto.Types.DataType type, string batch, long size)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = batch });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = size });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
