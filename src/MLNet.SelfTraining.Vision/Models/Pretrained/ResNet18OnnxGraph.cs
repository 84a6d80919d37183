using Onnx;
using TorchSharp.Modules;

namespace MLNet.SelfTraining.Vision.Models.Pretrained;

/// <summary>
/// Checks that an ONNX model is the ImageNet ResNet-18 of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> (a CNTK 2.6
/// export, opset 8) for a backbone's convolutions, and reads their weights. The initializers' names are opaque, so the
/// graph is mapped by structure: each Conv in graph order with the BatchNormalization that consumes it (CNTK emits a
/// block's projection shortcut before its first convolution, as <c>ConvolutionsInGraphOrder</c> lists them).
/// </summary>
internal static class ResNet18OnnxGraph
{
    /// <summary>The opset of the package's model.</summary>
    public const long Opset = 8;

    /// <summary>The batch norms' epsilon, in the model and in TorchSharp's <c>BatchNorm2d</c> by default.</summary>
    private const float Epsilon = 1e-5f;

    /// <summary>The weights of every convolution of <paramref name="layers"/>, read from <paramref name="model"/>.</summary>
    /// <param name="model">The parsed file.</param>
    /// <param name="layers">The backbone's convolutions with their batch norms, in graph order.</param>
    /// <param name="source">The file and the option that named it, to start the messages.</param>
    /// <exception cref="InvalidDataException">The model has another opset, another sequence of nodes, another number of
    /// initializers, or a convolution, batch norm or pooling of another shape than the backbone's; each message names the
    /// node or initializer, what was expected and what the file holds.</exception>
    public static IReadOnlyList<ConvolutionWeights> Read(ModelProto model, IReadOnlyList<(string Path, Conv2d Conv, BatchNorm2d Norm)> layers, string source)
    {
        CheckOpset(model, source);
        var graph = model.Graph ?? throw new InvalidDataException($"{source} holds no graph; expected the ResNet-18 graph.");
        CheckOperators(graph, layers, source);
        var initializers = Initializers(graph, 5 * layers.Count, source);
        var weights = new List<ConvolutionWeights>(layers.Count);
        var convolution = 0;
        for (var i = 0; i < graph.Node.Count; i++)
        {
            var node = graph.Node[i];
            if (node.OpType == "MaxPool")
            {
                CheckMaxPool(node, source);
            }
            else if (node.OpType == "Conv")
            {
                var (_, conv, norm) = layers[convolution++];
                weights.Add(Layer(node, graph.Node[i + 1], conv, norm, initializers, source));
            }
        }

        return weights;
    }

    private static void CheckOpset(ModelProto model, string source)
    {
        var opsets = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).ToArray();
        if (opsets.Length != 1 || opsets[0] != Opset)
        {
            throw new InvalidDataException(
                $"{source} imports opset {(opsets.Length == 0 ? "none" : string.Join(", ", opsets))} of the default ONNX domain; "
                + $"expected {Opset} (the CNTK 2.6 export of Microsoft.ML.DnnImageFeaturizer.ResNet18).");
        }
    }

    /// <summary>The node kinds the backbone's layers give, in graph order: the stem, each projection, each block's two
    /// convolutions with the residual addition, and the final average pooling.</summary>
    private static List<string> ExpectedOperators(IReadOnlyList<(string Path, Conv2d Conv, BatchNorm2d Norm)> layers)
    {
        var operators = new List<string>();
        foreach (var (path, _, _) in layers)
        {
            operators.AddRange(
                path == "conv1" ? ["Conv", "BatchNormalization", "Relu", "MaxPool"]
                : path.EndsWith(".conv2", StringComparison.Ordinal) ? ["Conv", "BatchNormalization", "Add", "Relu"]
                : path.EndsWith(".conv1", StringComparison.Ordinal) ? ["Conv", "BatchNormalization", "Relu"]
                : ["Conv", "BatchNormalization"]);
        }

        operators.Add("AveragePool");
        return operators;
    }

    private static void CheckOperators(GraphProto graph, IReadOnlyList<(string Path, Conv2d Conv, BatchNorm2d Norm)> layers, string source)
    {
        var expected = ExpectedOperators(layers);
        for (var i = 0; i < Math.Min(expected.Count, graph.Node.Count); i++)
        {
            if (graph.Node[i].OpType != expected[i])
            {
                throw new InvalidDataException(
                    $"{source}: node {i} ('{graph.Node[i].Name}') is {graph.Node[i].OpType}; expected {expected[i]} (ResNet-18, blocks 2,2,2,3).");
            }
        }

        if (graph.Node.Count != expected.Count)
        {
            throw new InvalidDataException(
                $"{source} holds {graph.Node.Count} nodes; expected {expected.Count} (ResNet-18, blocks 2,2,2,3).");
        }
    }

    private static Dictionary<string, TensorProto> Initializers(GraphProto graph, int expected, string source)
    {
        if (graph.Initializer.Count != expected)
        {
            throw new InvalidDataException(
                $"{source} holds {graph.Initializer.Count} initializers; expected {expected} (per convolution its weight and its batch norm's four tensors).");
        }

        var initializers = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var initializer in graph.Initializer)
        {
            if (!initializers.TryAdd(initializer.Name, initializer))
            {
                throw new InvalidDataException($"{source} holds initializer '{initializer.Name}' twice; expected unique names.");
            }
        }

        return initializers;
    }

    private static ConvolutionWeights Layer(NodeProto convNode, NodeProto normNode, Conv2d conv, BatchNorm2d norm,
        Dictionary<string, TensorProto> initializers, string source)
    {
        CheckConvolution(convNode, conv, source);
        var weight = Input(convNode, 1, 2, initializers, source);
        if (normNode.Input.Count != 5 || normNode.Input[0] != convNode.Output.FirstOrDefault())
        {
            throw new InvalidDataException(
                $"{source}: node '{normNode.Name}' reads [{string.Join(", ", normNode.Input)}]; expected the output of '{convNode.Name}' and four initializers.");
        }

        Require(NodeAttributes.Float(normNode, "epsilon", Epsilon), Epsilon, normNode, "epsilon", source);
        Require(NodeAttributes.Int(normNode, "spatial", 1), 1, normNode, "spatial", source);
        long[] channels = [conv.out_channels];
        var variance = OnnxInitializer.Floats(Input(normNode, 4, 5, initializers, source), channels, source, normNode.Name);
        var negative = Array.FindIndex(variance, v => v < 0);
        if (negative >= 0)
        {
            throw new InvalidDataException(
                $"{source}: the running variance '{normNode.Input[4]}' of node '{normNode.Name}' holds {variance[negative]} at index {negative}; expected no negative value.");
        }

        return new ConvolutionWeights(conv, norm,
            OnnxInitializer.Floats(weight, conv.weight!.shape, source, convNode.Name),
            OnnxInitializer.Floats(Input(normNode, 1, 5, initializers, source), channels, source, normNode.Name),
            OnnxInitializer.Floats(Input(normNode, 2, 5, initializers, source), channels, source, normNode.Name),
            OnnxInitializer.Floats(Input(normNode, 3, 5, initializers, source), channels, source, normNode.Name),
            variance);
    }

    /// <summary>Checks a Conv node's attributes against the backbone's convolution. CNTK's "same" padding of a stride-2
    /// convolution may leave out the last row and column of padding, which such a window never reads at even sizes.</summary>
    private static void CheckConvolution(NodeProto node, Conv2d conv, string source)
    {
        Require(NodeAttributes.Ints(node, "kernel_shape", conv.kernel_size), conv.kernel_size, node, "kernel_shape", source);
        Require(NodeAttributes.Ints(node, "strides", [1, 1]), conv.stride, node, "strides", source);
        Require(NodeAttributes.Ints(node, "dilations", [1, 1]), conv.dilation, node, "dilations", source);
        Require(NodeAttributes.Int(node, "group", 1), conv.groups, node, "group", source);
        var autoPad = NodeAttributes.String(node, "auto_pad", "NOTSET");
        if (autoPad is not ("" or "NOTSET"))
        {
            throw new InvalidDataException($"{source}: attribute auto_pad of node '{node.Name}' is '{autoPad}'; expected NOTSET (explicit pads).");
        }

        var pads = NodeAttributes.Ints(node, "pads", [0, 0, 0, 0]);
        var padding = conv.padding!;   // the backbone builds every convolution with explicit padding
        var symmetric = padding.Concat(padding).ToArray();
        var withoutLast = padding.Concat(padding.Zip(conv.stride, (p, s) => Math.Max(0, p - s + 1))).ToArray();
        if (!pads.SequenceEqual(withoutLast))
        {
            Require(pads, symmetric, node, "pads", source);
        }
    }

    /// <summary>The stem's max pooling: 3×3, stride 2, one pixel of padding before (as the backbone's).</summary>
    private static void CheckMaxPool(NodeProto node, string source)
    {
        Require(NodeAttributes.Ints(node, "kernel_shape", []), [3, 3], node, "kernel_shape", source);
        Require(NodeAttributes.Ints(node, "strides", [1, 1]), [2, 2], node, "strides", source);
        Require(NodeAttributes.Ints(node, "pads", [0, 0, 0, 0]).Take(2).ToArray(), [1, 1], node, "pads (begin)", source);
    }

    private static TensorProto Input(NodeProto node, int index, int count, Dictionary<string, TensorProto> initializers, string source)
    {
        if (node.Input.Count != count)
        {
            throw new InvalidDataException($"{source}: node '{node.Name}' ({node.OpType}) has {node.Input.Count} inputs; expected {count}.");
        }

        return initializers.TryGetValue(node.Input[index], out var initializer)
            ? initializer
            : throw new InvalidDataException($"{source}: input {index} ('{node.Input[index]}') of node '{node.Name}' is not an initializer; expected weights.");
    }

    private static void Require(long[] got, long[] expected, NodeProto node, string attribute, string source)
    {
        if (!got.SequenceEqual(expected))
        {
            throw new InvalidDataException(
                $"{source}: attribute {attribute} of node '{node.Name}' is [{string.Join(", ", got)}]; expected [{string.Join(", ", expected)}].");
        }
    }

    private static void Require(double got, double expected, NodeProto node, string attribute, string source)
    {
        if (Math.Abs(got - expected) > 1e-3 * Math.Abs(expected))
        {
            throw new InvalidDataException($"{source}: attribute {attribute} of node '{node.Name}' is {got}; expected {expected}.");
        }
    }
}
