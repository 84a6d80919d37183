using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Tasks;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tasks.Detection;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;
using MLNet.SelfTraining.Vision.Tests.Models.Pretrained;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Onnx;

/// <summary>
/// Students on the ImageNet ResNet-18 without training: the backbone holds the package's weights (real batch norm
/// statistics keep the activations in range), the head is freshly initialised from a fixed seed; and seeded noise images.
/// </summary>
internal static class OnnxTestImageNet
{
    /// <summary>The fresh detector's box side in map cells, before the head's own variation.</summary>
    private const float BoxCells = 2f;

    /// <summary>A classifier of 3 classes ("a", "b", "c") on <paramref name="channels"/>×<paramref name="side"/>² images.</summary>
    public static TorchImageClassifierTransformer Classifier(int channels, int side)
    {
        var (options, spec) = Spec(channels, side, classCount: 3);
        var info = new ClassifierInfo("Features", "Label", spec, new ClassLabels(3, ["a", "b", "c"]), options.InputScale, 8);
        var network = InitialWeights.Apply(ClassifierNetwork.Create(spec), options, "a test");
        return new TorchImageClassifierTransformer(info, new ImageClassifierPredictor(network, spec, options.InputScale), 1);
    }

    /// <summary>A segmenter of 3 classes on <paramref name="channels"/>×<paramref name="side"/>² images.</summary>
    public static TorchImageSegmenterTransformer Segmenter(int channels, int side)
    {
        var (options, spec) = Spec(channels, side, classCount: 3);
        var info = new SegmenterInfo("Features", "Mask", spec, ["background", "dim", "bright"], options.InputScale, 8);
        var network = InitialWeights.Apply(SegmenterNetwork.Create(spec), options, "a test");
        return new TorchImageSegmenterTransformer(info, new SegmenterPredictor(network, spec, options.InputScale), 1);
    }

    /// <summary>A detector of 2 classes on <paramref name="channels"/>×<paramref name="side"/>² images, keeping every
    /// peak from score 0.01 (the fresh heatmap sits near its prior of 0.1) with NMS at IoU 0.5 and at most
    /// <paramref name="cap"/> boxes. The size branch's last bias is set to <see cref="BoxCells"/> cells: a fresh head's
    /// sizes are often negative, so its boxes would have no area, where the TorchSharp decoder and ONNX's
    /// <c>NonMaxSuppression</c> disagree (an IoU of 0 / 0).</summary>
    public static TorchObjectDetectorTransformer Detector(int channels, int side, int cap)
    {
        var (options, spec) = Spec(channels, side, classCount: 2);
        var info = new DetectorInfo("Features", "Labels", "Box", spec, ["dim", "bright"], options.InputScale, 8,
            new DetectionDecoding(0.01f, 0.5f, cap), new DetectionOutputNames("PredictedLabel", "Score", "PredictedBoundingBoxes"));
        var network = InitialWeights.Apply(DetectorNetwork.Create(spec), options, "a test");
        using (no_grad())
        {
            ((Conv2d)network.named_modules().Single(module => module.name == "head.size.2").module).bias!.fill_(BoxCells);
        }

        return new TorchObjectDetectorTransformer(info, new DetectorPredictor(network, spec, info.InputScale, info.Decoding), 1);
    }

    /// <summary><paramref name="count"/> seeded images of uniform noise in [0, 1] as a view with one <c>Features</c> column.</summary>
    public static IDataView Images(MLContext mlContext, int count, int channels, int side, int seed)
    {
        var random = new Random(seed);
        var size = channels * side * side;
        var rows = Enumerable.Range(0, count)
            .Select(_ => new PixelRow { Features = [.. Enumerable.Range(0, size).Select(_ => random.NextSingle())] })
            .ToArray();
        var definition = SchemaDefinition.Create(typeof(PixelRow));
        definition[nameof(PixelRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return mlContext.Data.LoadFromEnumerable(rows, definition);
    }

    private static (NetworkOptions Options, ImageNetworkSpec Spec) Spec(int channels, int side, int classCount)
    {
        random.manual_seed(1);   // the head's initial weights
        var options = new NetworkOptions
        {
            Architecture = BackboneArchitecture.ImageNetResNet18,
            ImageChannels = channels,
            ImageHeight = side,
            ImageWidth = side,
            InitialBackbonePath = PackageModels.ResNet18,
        };
        return (options, ImageNetworkSpec.From(options, classCount));
    }

    /// <summary>One image's pixels.</summary>
    public sealed class PixelRow
    {
        public float[] Features { get; set; } = [];
    }
}
