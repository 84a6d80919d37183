using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Pretrained;

namespace MLNet.SelfTraining.Vision.Tests.Models.Pretrained;

/// <summary>
/// The ONNX files of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> (referenced by the test project, whose build copies
/// them to <c>DnnImageModels/</c>), an ImageNet ResNet-18 backbone loaded from them, and ONNX Runtime runs of them.
/// </summary>
internal static class PackageModels
{
    public const int Side = 224;

    /// <summary>The ResNet-18: (1, 3, 224, 224) BGR in 0–255 minus the mean image → (1, 512, 1, 1) pooled features.</summary>
    public static string ResNet18 => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    /// <summary>The package's preprocessing: (1, 3, 224, 224) RGB in 0–255 → BGR minus the 224×224 mean image.</summary>
    public static string Preprocessing => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx");

    /// <summary>An ImageNet ResNet-18 backbone of <paramref name="channels"/> input channels with the package's weights, in eval mode.</summary>
    public static ImageNetResNet18 LoadedBackbone(int channels)
    {
        var backbone = new ImageNetResNet18(new BackboneSpec(BackboneArchitecture.ImageNetResNet18, channels, ImageNetResNet18.Width, [.. ImageNetResNet18.BlocksPerStage], 0));
        ImageNetResNet18Onnx.Load(ResNet18, backbone, "Network.InitialBackbonePath", "a test");
        backbone.eval();
        return backbone;
    }

    /// <summary>The output of the one-input, one-output model <paramref name="model"/> for one (1, 3, 224, 224) image, by ONNX Runtime on one thread.</summary>
    public static float[] Run(string model, float[] image)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        var input = NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), new DenseTensor<float>(image, [1, 3, Side, Side]));
        using var results = session.Run([input]);
        return results.Single().AsTensor<float>().ToArray();
    }
}
