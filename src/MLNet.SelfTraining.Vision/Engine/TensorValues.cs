using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Reads the value of a one-element tensor without TorchSharp 0.107's <c>ToDouble()</c> or <c>ToInt64()</c>: those make
/// a <c>Scalar</c> of the tensor and read it in a native call that does not keep it alive, so a GC during the call can
/// free it; the failed read then throws a C++ exception that nothing catches, and the process aborts
/// (<c>docs/torchsharp-pitfalls.md</c>). The value is the same: the tensor is converted exactly, then read as data.
/// </summary>
internal static class TensorValues
{
    /// <summary>The value of a one-element floating-point (or integer, up to 2⁵³) tensor.</summary>
    public static double Double(Tensor value)
    {
        using var detached = value.detach();
        using var converted = detached.to_type(ScalarType.Float64);
        return converted.item<double>();
    }

    /// <summary>The value of a one-element integer or Boolean tensor.</summary>
    public static long Long(Tensor value)
    {
        using var detached = value.detach();
        using var converted = detached.to_type(ScalarType.Int64);
        return converted.item<long>();
    }
}
