using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Blocks;
using MLNet.SelfTraining.Vision.Models.Heads;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// Maps a network's modules, in eval mode, to ONNX nodes: each module type the vision students use, by its forward pass
/// (children are found by their <c>state_dict</c> names, the archives' contract). Dropout and stochastic depth are the
/// identity in eval mode and vanish. Any other module is an error naming it and its path in the network.
/// </summary>
internal static class ModuleExporter
{
    /// <summary>The module types that map, for error messages.</summary>
    private const string KnownModules = "ImageNetwork, SmallCnn, SmallImageResNet, ImageNetResNet18, ImageNetInput, ConvBnRelu, "
        + "ResidualConvBnRelu, BasicBlock, ClassificationHead, SegmentationHead (as an ImageNetwork's head), DetectionHead, "
        + "Sequential, Conv2d, BatchNorm2d, MaxPool2d, AdaptiveAvgPool2d(1), Linear, ReLU, Dropout, StochasticDepth";

    /// <summary>Adds the nodes of <paramref name="module"/> applied to <paramref name="input"/>; returns the output's name.</summary>
    /// <param name="graph">The graph to add to.</param>
    /// <param name="module">The module.</param>
    /// <param name="input">The name of its input value.</param>
    /// <param name="path">Its path in the network (e.g. <c>backbone.conv1</c>), for value names and errors.</param>
    /// <exception cref="NotSupportedException">A module (this one or a child) has no ONNX mapping; the message names it and its path.</exception>
    public static string Export(OnnxGraph graph, nn.Module module, string input, string path) => module switch
    {
        ImageNetwork => NetworkNodes(graph, module, input, path),
        SmallCnn => SmallCnnNodes(graph, module, input, path),
        SmallImageResNet => Export(graph, Child(module, "layers", path), Relu(graph, Chain(graph, module, input, path, "conv1", "bn1"), path), Join(path, "layers")),
        ImageNetResNet18 => Chain(graph, module, Relu(graph, Chain(graph, module, input, path, "preprocess", "conv1", "bn1"), path), path,
            "maxpool", "layer1", "layer2", "layer3", "layer4"),
        ImageNetInput imageNetInput => ImageNetInputExport.Nodes(graph, imageNetInput, input, path),
        ConvBnRelu => Relu(graph, Chain(graph, module, input, path, "conv", "bn"), path),
        ResidualConvBnRelu => graph.Add("Add", Join(path, "add"), [input, Export(graph, Child(module, "branch", path), input, Join(path, "branch"))]),
        BasicBlock => BasicBlockNodes(graph, module, input, path),
        ClassificationHead => HeadNodes(graph, module, input, path),
        SegmentationHead => throw Unsupported(module, path, "a segmentation head maps only as an ImageNetwork's head, whose input size it upsamples to"),
        DetectionHead => graph.Add("Concat", Join(path, "concat"),
            [.. new[] { "heatmap", "size", "offset" }.Select(branch => Chain(graph, module, input, path, branch))], OnnxAttributes.Int("axis", 1)),
        Sequential sequential => Chain(graph, sequential, input, path, [.. sequential.named_children().Select(child => child.name)]),
        Conv2d conv => LayerExport.Conv(graph, conv, input, path),
        BatchNorm2d bn => LayerExport.BatchNorm(graph, bn, input, path),
        MaxPool2d pool => LayerExport.MaxPool(graph, pool, input, path),
        AdaptiveAvgPool2d pool => LayerExport.AdaptiveAveragePool(graph, pool, input, path),
        Linear linear => LayerExport.Linear(graph, linear, input, path),
        ReLU => Relu(graph, input, path),
        Dropout or RowStochasticDepth => input,
        _ => throw Unsupported(module, path, $"the exporter maps {KnownModules}"),
    };

    /// <summary>The error for a module that has no ONNX mapping (or a configuration of it that has none).</summary>
    public static NotSupportedException Unsupported(nn.Module module, string path, string reason) => new(
        $"Cannot export module '{(path.Length == 0 ? "(network)" : path)}' of type {module.GetType().Name} to ONNX: {reason}.");

    /// <summary>backbone → head; a <see cref="SegmentationHead"/> upsamples to the spatial size of the network's input.</summary>
    private static string NetworkNodes(OnnxGraph graph, nn.Module module, string input, string path)
    {
        var features = Chain(graph, module, input, path, "backbone");
        var head = Child(module, "head", path);
        return head is SegmentationHead
            ? SegmentationHeadNodes(graph, head, features, input, Join(path, "head"))
            : Export(graph, head, features, Join(path, "head"));
    }

    /// <summary>conv1 → conv2 → dropout (vanishes) → 1×1 classifier → bilinear <c>Resize</c> to the (H, W) of
    /// <paramref name="image"/> with PyTorch's half-pixel coordinates (<c>interpolate</c> with <c>align_corners = false</c>).</summary>
    private static string SegmentationHeadNodes(OnnxGraph graph, nn.Module head, string input, string image, string path)
    {
        var logits = Chain(graph, head, input, path, "conv1", "conv2", "dropout", "classifier");
        var batchAndClasses = graph.Add("Gather", Join(path, "logits_nk"), [graph.Add("Shape", Join(path, "logits_shape"), [logits]), graph.Int64s(Join(path, "nk"), [0, 1], 2)]);
        var imageSize = graph.Add("Gather", Join(path, "image_hw"), [graph.Add("Shape", Join(path, "image_shape"), [image]), graph.Int64s(Join(path, "hw"), [2, 3], 2)]);
        var sizes = graph.Add("Concat", Join(path, "sizes"), [batchAndClasses, imageSize], OnnxAttributes.Int("axis", 0));
        return graph.Add("Resize", Join(path, "upsample"), [logits, "", "", sizes],
            OnnxAttributes.String("mode", "linear"),
            OnnxAttributes.String("coordinate_transformation_mode", "pytorch_half_pixel"));
    }

    /// <summary>conv1 → pool → conv2 → pool → conv3 → conv4 (the pool is one module used twice).</summary>
    private static string SmallCnnNodes(OnnxGraph graph, nn.Module module, string input, string path)
    {
        var x = Export(graph, Child(module, "conv1", path), input, Join(path, "conv1"));
        x = Export(graph, Child(module, "pool", path), x, Join(path, "pool"));
        x = Export(graph, Child(module, "conv2", path), x, Join(path, "conv2"));
        x = Export(graph, Child(module, "pool", path), x, Join(path, "pool"));
        return Chain(graph, module, x, path, "conv3", "conv4");
    }

    /// <summary>relu(shortcut(x) + bn2(conv2(relu(bn1(conv1(x)))))); the shortcut is the downsample projection when there is one.</summary>
    private static string BasicBlockNodes(OnnxGraph graph, nn.Module module, string input, string path)
    {
        var branch = Relu(graph, Chain(graph, module, input, path, "conv1", "bn1"), path);
        branch = Chain(graph, module, branch, path, "conv2", "bn2", "drop");
        var downsample = module.named_children().FirstOrDefault(child => child.name == "downsample").module;
        var shortcut = downsample is null ? input : Export(graph, downsample, input, Join(path, "downsample"));
        return Relu(graph, graph.Add("Add", Join(path, "add"), [shortcut, branch]), path);
    }

    /// <summary>Optional global average pooling → flatten → dropout (vanishes) → linear.</summary>
    private static string HeadNodes(OnnxGraph graph, nn.Module module, string input, string path)
    {
        var avgpool = module.named_children().FirstOrDefault(child => child.name == "avgpool").module;
        var pooled = avgpool is null ? input : Export(graph, avgpool, input, Join(path, "avgpool"));
        var flat = graph.Add("Flatten", Join(path, "flatten"), [pooled], OnnxAttributes.Int("axis", 1));
        return Chain(graph, module, flat, path, "dropout", "fc");
    }

    /// <summary>The named children of <paramref name="module"/> applied one after the other.</summary>
    private static string Chain(OnnxGraph graph, nn.Module module, string input, string path, params string[] children)
    {
        var x = input;
        foreach (var name in children)
        {
            x = Export(graph, Child(module, name, path), x, Join(path, name));
        }

        return x;
    }

    private static string Relu(OnnxGraph graph, string input, string path) => graph.Add("Relu", Join(path, "relu"), [input]);

    private static nn.Module Child(nn.Module module, string name, string path) =>
        module.named_children().FirstOrDefault(child => child.name == name).module
        ?? throw Unsupported(module, path, $"it has no child '{name}' (not the layout the exporter maps)");

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
