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
    /// small CNN and 64 for the ResNet.</summary>
    public static BackboneSpec From(NetworkOptions options) => new(
        options.Architecture,
        options.ImageChannels,
        options.BaseWidth ?? (options.Architecture == BackboneArchitecture.SmallCnn ? 32 : 64),
        [.. options.BlocksPerStage],
        options.StochasticDepthRate);

    /// <summary>Channels of the feature map.</summary>
    [JsonIgnore]
    public long OutputChannels => Architecture == BackboneArchitecture.SmallCnn ? 2L * BaseWidth : (long)BaseWidth << (BlocksPerStage.Length - 1);

    /// <summary>Input pixels per feature-map cell along each axis: 4 for the small CNN (two max pools), 2^(S−1) for a
    /// ResNet of S stages (stride 2 from the second stage).</summary>
    [JsonIgnore]
    public int Stride => Architecture == BackboneArchitecture.SmallCnn ? 4 : 1 << (BlocksPerStage.Length - 1);

    /// <summary>The number of trainable parameters (as a <see cref="double"/>, so sizes read from a file cannot overflow it).</summary>
    public double ParameterCount() => Architecture == BackboneArchitecture.SmallCnn
        ? SmallCnn.ParameterCount(this)
        : SmallImageResNet.ParameterCount(this);

    /// <summary>Whether a backbone of <paramref name="other"/>'s spec has the same weights' shapes: the same architecture,
    /// input channels, width and (ResNet) blocks per stage. The stochastic-depth rate does not matter.</summary>
    public bool HasTheShapeOf(BackboneSpec other) =>
        other.Architecture == Architecture && other.Channels == Channels && other.BaseWidth == BaseWidth
        && (Architecture == BackboneArchitecture.SmallCnn || other.BlocksPerStage.SequenceEqual(BlocksPerStage));

    /// <summary>The shape for messages, e.g. "ResNet, 3 channels, width 64, blocks 2,2,2,2".</summary>
    public string Describe() =>
        $"{Architecture}, {Channels} channel{(Channels == 1 ? "" : "s")}, width {BaseWidth}"
        + (Architecture == BackboneArchitecture.ResNet ? $", blocks {string.Join(",", BlocksPerStage)}" : "");
}
