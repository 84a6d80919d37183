using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// An ONNX graph under construction: nodes in topological order, initializers (raw little-endian data) and value names
/// made unique from readable hints (a module's path, an operator).
/// </summary>
internal sealed class OnnxGraph
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <param name="name">The graph's name.</param>
    /// <param name="reservedNames">Names the caller gives inputs and outputs itself, never handed out by <see cref="Add"/>.</param>
    public OnnxGraph(string name, IEnumerable<string> reservedNames)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX initializers are written as raw little-endian data; this machine is big-endian.");
        }

        Proto = new GraphProto { Name = name };
        _names.UnionWith(reservedNames);
    }

    public GraphProto Proto { get; }

    /// <summary>Adds a node of <paramref name="opType"/> with one output, named after <paramref name="hint"/>; returns the output's name.</summary>
    public string Add(string opType, string hint, IEnumerable<string> inputs, params AttributeProto[] attributes) =>
        AddTo(opType, Unique(hint), inputs, attributes);

    /// <summary>Adds a node whose output is the given (reserved) <paramref name="output"/> name, e.g. a graph output.</summary>
    public string AddTo(string opType, string output, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Proto.Node.Add(node);
        return output;
    }

    /// <summary>Adds a node of <paramref name="opType"/> with <paramref name="outputs"/> outputs, named after
    /// <paramref name="hint"/>; returns their names in order.</summary>
    public string[] AddOutputs(string opType, string hint, IEnumerable<string> inputs, int outputs, params AttributeProto[] attributes)
    {
        var names = Enumerable.Range(0, outputs).Select(i => Unique($"{hint}_{i}")).ToArray();
        var node = new NodeProto { OpType = opType, Name = names[0] };
        node.Input.AddRange(inputs);
        node.Output.AddRange(names);
        node.Attribute.AddRange(attributes);
        Proto.Node.Add(node);
        return names;
    }

    /// <summary>Adds a String initializer (UTF-8) of shape <paramref name="dims"/>; returns its name.</summary>
    public string Strings(string hint, IEnumerable<string> values, params long[] dims)
    {
        var tensor = new TensorProto { Name = Unique(hint), DataType = (int)TensorProto.Types.DataType.String };
        tensor.StringData.AddRange(values.Select(ByteString.CopyFromUtf8));
        tensor.Dims.AddRange(dims);
        Proto.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds a Float32 initializer of shape <paramref name="dims"/>; returns its name.</summary>
    public string Floats(string hint, ReadOnlySpan<float> values, params long[] dims) =>
        Initializer(hint, TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(values), dims);

    /// <summary>Adds an Int64 initializer of shape <paramref name="dims"/> (no dims: a scalar); returns its name.</summary>
    public string Int64s(string hint, ReadOnlySpan<long> values, params long[] dims) =>
        Initializer(hint, TensorProto.Types.DataType.Int64, MemoryMarshal.AsBytes(values), dims);

    private string Initializer(string hint, TensorProto.Types.DataType type, ReadOnlySpan<byte> data, long[] dims)
    {
        var tensor = new TensorProto { Name = Unique(hint), DataType = (int)type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.AddRange(dims);
        Proto.Initializer.Add(tensor);
        return tensor.Name;
    }

    private string Unique(string hint)
    {
        var name = hint;
        for (var i = 1; !_names.Add(name); i++)
        {
            name = $"{hint}_{i}";
        }

        return name;
    }
}
