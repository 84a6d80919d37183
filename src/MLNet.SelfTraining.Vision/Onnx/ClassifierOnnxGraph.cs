using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using Onnx;
using static MLNet.SelfTraining.Vision.Onnx.OnnxAttributes;
using static MLNet.SelfTraining.Vision.Onnx.OnnxImageGraph;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// A fitted classifier as an ONNX model (<see cref="OnnxImageGraph"/>), batched on a dynamic first axis N, or of one image
/// without that axis (the form ML.NET's <c>OnnxTransformer</c> runs, one row at a time, so that <c>Score</c> is the
/// one-dimensional K vector of the TorchSharp classifier rather than (1, K)):
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

    /// <summary>Builds the model of <paramref name="network"/> (in eval mode) for a classifier described by <paramref name="info"/>.</summary>
    /// <param name="network">The classifier's network.</param>
    /// <param name="info">The classifier's columns, image size, classes and input scale.</param>
    /// <param name="batched">Whether inputs and outputs have the dynamic batch axis N (else one image: C·H·W in, K and 1 out).</param>
    /// <exception cref="NotSupportedException">The network holds a module the exporter does not map (named in the message).</exception>
    public static byte[] Build(ImageNetwork network, ClassifierInfo info, bool batched)
    {
        var spec = info.Spec;
        var input = info.FeatureColumnName;
        TensorShapeProto.Types.Dimension[] batch = batched ? [Dynamic(Batch)] : [];
        var graph = new OnnxGraph("TorchImageClassifier", [input, ScoreOutput, PredictedClassOutput]);
        graph.Proto.Output.Add(Tensor(ScoreOutput, TensorProto.Types.DataType.Float, [.. batch, Fixed(spec.ClassCount)]));
        graph.Proto.Output.Add(Tensor(PredictedClassOutput, TensorProto.Types.DataType.Int64, [.. batch, Fixed(1)]));

        var images = Images(graph, input, spec, info.InputScale, batch);
        var logits = ModuleExporter.Export(graph, network, images, "");                        // (N, K)
        var probabilities = graph.Add("Softmax", "probabilities", [logits], Int("axis", 1));
        if (!batched)
        {
            probabilities = graph.Add("Reshape", "image_probabilities", [probabilities, graph.Int64s("classes", [spec.ClassCount], 1)]);
        }

        // The guard (0 or NaN per row) is added to every probability.
        var guard = NonFiniteGuard(graph, input);
        graph.AddTo("Add", ScoreOutput, [probabilities, guard]);

        var best = graph.Add("ArgMax", "best", [ScoreOutput], Int("axis", -1), Int("keepdims", 1));
        var invalid = graph.Add("IsNaN", "invalid_row", [guard]);
        graph.AddTo("Where", PredictedClassOutput, [invalid, graph.Int64s("no_class", [-1]), best]);

        return Model(graph, $"{spec.Describe()}; outputs {ScoreOutput} (class probabilities) and {PredictedClassOutput} (0-based, -1 for a non-finite input).");
    }
}
