using Onnx;

namespace MLNet.SelfTraining.Vision.Models.Pretrained;

/// <summary>The attributes of an ONNX node, read by name with the defaults of the ONNX operator specification.</summary>
internal static class NodeAttributes
{
    /// <summary>The integers of attribute <paramref name="name"/>, or <paramref name="absent"/> when the node has none.</summary>
    public static long[] Ints(NodeProto node, string name, long[] absent) =>
        Find(node, name) is { } attribute ? [.. attribute.Ints] : absent;

    /// <summary>The integer of attribute <paramref name="name"/>, or <paramref name="absent"/> when the node has none.</summary>
    public static long Int(NodeProto node, string name, long absent) =>
        Find(node, name) is { } attribute ? attribute.I : absent;

    /// <summary>The float of attribute <paramref name="name"/>, or <paramref name="absent"/> when the node has none.</summary>
    public static float Float(NodeProto node, string name, float absent) =>
        Find(node, name) is { } attribute ? attribute.F : absent;

    /// <summary>The string of attribute <paramref name="name"/>, or <paramref name="absent"/> when the node has none.</summary>
    public static string String(NodeProto node, string name, string absent) =>
        Find(node, name) is { } attribute ? attribute.S.ToStringUtf8() : absent;

    private static AttributeProto? Find(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
