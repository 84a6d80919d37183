using TorchSharp;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Small integer <see cref="Scalar"/>s that stay alive for the whole process, for tensor operations that take a constant.
/// TorchSharp 0.107 turns a number passed where a <see cref="Scalar"/> is expected into a temporary whose native copy is
/// freed by its finalizer, and reads its handle before the native call without keeping it alive: a GC during the call
/// (started by any other thread's allocation) can free it while libtorch reads it (<c>Unknown scalar type</c>,
/// <c>Expected false to be true … Scalar.h</c>). The same holds for the implicit <c>alpha = 1</c> of
/// <c>Tensor.add(Tensor)</c>, so the library writes <c>add(other, KeptScalars.One)</c>. A class's own constants are its
/// static <see cref="Scalar"/> fields; a value computed at run time is a <c>using var</c> Scalar
/// (<c>docs/torchsharp-pitfalls.md</c>). Integer Scalars keep integer tensors integer, as the literals did.
/// </summary>
internal static class KeptScalars
{
    /// <summary>The integer 0.</summary>
    public static readonly Scalar Zero = 0.ToScalar();

    /// <summary>The integer 1 (also <c>add</c>'s alpha).</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>The integer 2.</summary>
    public static readonly Scalar Two = 2.ToScalar();

    /// <summary>The integer 255, the largest byte pixel value.</summary>
    public static readonly Scalar ByteMaximum = 255.ToScalar();
}
