using System.Text.Json.Serialization;

namespace MLNet.SelfTraining.Vision.Models.Backbones;

/// <summary>Everything needed to rebuild a backbone (and to store it in an archive's manifest).</summary>
/// <param name="Architecture">The backbone family.</param>
/// <param name="Channels">Input channels.</param>
/// <param name="BaseWidth">Channels of the first stage; later stages double it.</param>
/// <param name="BlocksPerStage">ResNet basic blocks per stage (ignored by the small CNN).</param>
/// <param name="StochasticDepthRate">Drop probability of the last residual branch; earlier branches get linearly less.</param>
internal sealed record BackboneSpec(
    BackboneArchitecture Architecture,
    int Channels,
    int BaseWidth,
    int[] BlocksPerStage,
    double StochasticDepthRate)
{
    /// <summary>The backbone a trainer's <see cref="NetworkOptions"/> describe; the base width defaults to 32 for the
    /// small CNN and 64 for the ResNet; the ImageNet ResNet-18 has its own fixed width and blocks.</summary>
    public static BackboneSpec From(NetworkOptions options) => options.Architecture == BackboneArchitecture.ImageNetResNet18
        ? new(options.Architecture, options.ImageChannels, ImageNetResNet18.Width, [.. ImageNetResNet18.BlocksPerStage], options.StochasticDepthRate)
        : new(
            options.Architecture,
            options.ImageChannels,
            options.BaseWidth ?? (options.Architecture == BackboneArchitecture.SmallCnn ? 32 : 64),
            [.. options.BlocksPerStage],
            options.StochasticDepthRate);

    /// <summary>Channels of the feature map.</summary>
    [JsonIgnore]
    public long OutputChannels => Architecture switch
    {
        BackboneArchitecture.SmallCnn => 2L * BaseWidth,
        BackboneArchitecture.ImageNetResNet18 => (long)ImageNetResNet18.Width << (ImageNetResNet18.BlocksPerStage.Count - 1),
        _ => (long)BaseWidth << (BlocksPerStage.Length - 1),
    };

    /// <summary>Input pixels per feature-map cell along each axis: 4 for the small CNN (two max pools), 2^(S−1) for a
    /// ResNet of S stages (stride 2 from the second stage), 32 for the ImageNet ResNet-18 (its stem divides by 4).</summary>
    [JsonIgnore]
    public int Stride => Architecture switch
    {
        BackboneArchitecture.SmallCnn => 4,
        BackboneArchitecture.ImageNetResNet18 => 4 << (ImageNetResNet18.BlocksPerStage.Count - 1),
        _ => 1 << (BlocksPerStage.Length - 1),
    };

    /// <summary>The number of trainable parameters (as a <see cref="double"/>, so sizes read from a file cannot overflow it).</summary>
    public double ParameterCount() => Architecture switch
    {
        BackboneArchitecture.SmallCnn => SmallCnn.ParameterCount(this),
        BackboneArchitecture.ImageNetResNet18 => ImageNetResNet18.ParameterCount(),
        _ => SmallImageResNet.ParameterCount(this),
    };

    /// <summary>Whether a backbone of <paramref name="other"/>'s spec has the same weights' shapes: the same architecture,
    /// input channels and (small CNN, ResNet) width and (ResNet) blocks per stage. The stochastic-depth rate does not matter.</summary>
    public bool HasTheShapeOf(BackboneSpec other) =>
        other.Architecture == Architecture && other.Channels == Channels
        && (Architecture == BackboneArchitecture.ImageNetResNet18 || other.BaseWidth == BaseWidth)
        && (Architecture != BackboneArchitecture.ResNet || other.BlocksPerStage.SequenceEqual(BlocksPerStage));

    /// <summary>The shape for messages, e.g. "ResNet, 3 channels, width 64, blocks 2,2,2,2".</summary>
    public string Describe() =>
        $"{Architecture}, {Channels} channel{(Channels == 1 ? "" : "s")}"
        + (Architecture == BackboneArchitecture.ImageNetResNet18 ? "" : $", width {BaseWidth}")
        + (Architecture == BackboneArchitecture.ResNet ? $", blocks {string.Join(",", BlocksPerStage)}" : "");
}
