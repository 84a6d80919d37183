using MLNet.SelfTraining.Vision.Models.Backbones;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Pretrained;

/// <summary>
/// Loads the ImageNet weights of ML.NET's <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> package (its
/// <c>DnnImageModels/ResNet18Onnx/ResNet18.onnx</c>, which the package's build step copies to the output folder) into an
/// <see cref="ImageNetResNet18"/> backbone: every convolution's weight and its batch norm's scale, shift and running
/// statistics. The file is untrusted: its size is bounded before it is read, and its opset, nodes and initializers are
/// checked against the backbone before any weight is copied.
/// </summary>
internal static class ImageNetResNet18Onnx
{
    /// <summary>Bytes of graph allowed beyond the weights themselves.</summary>
    private const long GraphBytes = 1 << 20;

    /// <summary>Copies the weights of the ONNX file <paramref name="path"/> into <paramref name="backbone"/>.</summary>
    /// <param name="path">The package's <c>ResNet18.onnx</c>.</param>
    /// <param name="backbone">The backbone to initialize.</param>
    /// <param name="option">The option that named the file, for messages.</param>
    /// <param name="owner">The type the option belongs to, for messages.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is larger than the model's weights and graph, is not an ONNX model,
    /// or is not that ResNet-18 (another opset, node sequence, initializer count or shape).</exception>
    public static void Load(string path, ImageNetResNet18 backbone, string option, string owner)
    {
        var source = $"'{path}' (the '{option}' option of {owner})";
        var layers = backbone.ConvolutionsInGraphOrder();
        var values = layers.Sum(l => l.Conv.weight!.numel() + (4 * l.Conv.out_channels));
        var model = OnnxModelFile.Read(path, (4 * values) + GraphBytes, source);
        var weights = ResNet18OnnxGraph.Read(model, layers, source);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var layer in weights)
        {
            layer.Conv.weight!.copy_(tensor(layer.Weight, layer.Conv.weight.shape));
            layer.Norm.weight!.copy_(tensor(layer.Scale));
            layer.Norm.bias!.copy_(tensor(layer.Shift));
            layer.Norm.running_mean!.copy_(tensor(layer.Mean));
            layer.Norm.running_var!.copy_(tensor(layer.Variance));
        }
    }
}
