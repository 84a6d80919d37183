using TorchSharp.Modules;

namespace MLNet.SelfTraining.Vision.Models.Pretrained;

/// <summary>The values read from a file for one convolution of a backbone and the batch norm after it.</summary>
/// <param name="Conv">The backbone's convolution (no bias).</param>
/// <param name="Norm">The backbone's batch norm after it.</param>
/// <param name="Weight">The convolution's weight, in the order of its shape.</param>
/// <param name="Scale">The batch norm's scale (γ).</param>
/// <param name="Shift">The batch norm's shift (β).</param>
/// <param name="Mean">The batch norm's running mean.</param>
/// <param name="Variance">The batch norm's running variance.</param>
internal sealed record ConvolutionWeights(
    Conv2d Conv,
    BatchNorm2d Norm,
    float[] Weight,
    float[] Scale,
    float[] Shift,
    float[] Mean,
    float[] Variance);
