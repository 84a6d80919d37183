using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Infrastructure;

/// <summary>Counts TorchSharp's live native tensors.</summary>
internal static class LiveTensors
{
    /// <summary>The live tensor count once earlier tests' unreachable tensors are finalized (their finalizers lower it).</summary>
    public static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Tensor.TotalCount;
    }
}
