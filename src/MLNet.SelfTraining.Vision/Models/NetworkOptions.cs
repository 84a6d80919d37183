using MLNet.SelfTraining.Vision.Models.Backbones;

namespace MLNet.SelfTraining.Vision.Models;

/// <summary>The network of a TorchSharp image trainer: the input images, the backbone and the head. Every default is listed on its property.</summary>
public sealed class NetworkOptions
{
    /// <summary>Image channels. Default: 1.</summary>
    public int ImageChannels { get; set; } = Defaults.ImageChannels;

    /// <summary>Image height in pixels. Default: 28.</summary>
    public int ImageHeight { get; set; } = Defaults.ImageHeight;

    /// <summary>Image width in pixels. Default: 28.</summary>
    public int ImageWidth { get; set; } = Defaults.ImageWidth;

    /// <summary>Factor applied to the pixel values before the network (and augmentation, which expects [0, 1]);
    /// use 1/255 for 0–255 pixels. Default: 1.</summary>
    public float InputScale { get; set; } = Defaults.InputScale;

    /// <summary>The backbone family. Default: <see cref="BackboneArchitecture.SmallCnn"/>.</summary>
    public BackboneArchitecture Architecture { get; set; } = BackboneArchitecture.SmallCnn;

    /// <summary>Channels of the backbone's first stage, or <see langword="null"/> for the architecture's (32 for the small
    /// CNN, 64 for ResNet; the ImageNet ResNet-18's is fixed at 64). Default: <see langword="null"/>.</summary>
    public int? BaseWidth { get; set; }

    /// <summary>ResNet basic blocks per stage; one stage per entry (the ImageNet ResNet-18's are fixed at 2, 2, 2, 3).
    /// Default: 2, 2, 2, 2 (ResNet-18).</summary>
    public int[] BlocksPerStage { get; set; } = [.. Defaults.BlocksPerStage];

    /// <summary>Dropout probability before the head's linear layer. Default: 0.2.</summary>
    public double DropoutRate { get; set; } = Defaults.DropoutRate;

    /// <summary>Stochastic-depth drop probability of the backbone's last residual branch (earlier ones get linearly
    /// less). Default: 0.</summary>
    public double StochasticDepthRate { get; set; }

    /// <summary>
    /// A backbone archive (written by a fitted model's <c>SaveBackbone</c>) that initializes the backbone; the head
    /// starts fresh. Its backbone must have this network's <see cref="Architecture"/>, <see cref="ImageChannels"/>, width
    /// and (ResNet) <see cref="BlocksPerStage"/> (checked at fit); the classes may differ. With
    /// <see cref="BackboneArchitecture.ImageNetResNet18"/> it may instead be the ImageNet model <c>ResNet18.onnx</c> of
    /// the <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> package (told apart by content: a file that is not a zip),
    /// which the application references itself, accepting its licence; the package copies it to
    /// <c>DnnImageModels/ResNet18Onnx/ResNet18.onnx</c> in the output folder. Ignored when training starts from a whole
    /// model (the trainer's initial model, or the teacher given to its <c>StartFrom</c>). Default:
    /// <see langword="null"/> (random weights).
    /// </summary>
    public string? InitialBackbonePath { get; set; }

    /// <summary>A copy whose arrays are not shared with this one.</summary>
    internal NetworkOptions Clone()
    {
        var copy = (NetworkOptions)MemberwiseClone();
        copy.BlocksPerStage = [.. BlocksPerStage];
        return copy;
    }

    internal static class Defaults
    {
        public const int ImageChannels = 1;
        public const int ImageHeight = 28;
        public const int ImageWidth = 28;
        public const float InputScale = 1f;
        public static readonly int[] BlocksPerStage = [2, 2, 2, 2];
        public const double DropoutRate = 0.2;
    }
}
