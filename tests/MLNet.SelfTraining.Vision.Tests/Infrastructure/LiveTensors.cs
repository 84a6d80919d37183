using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tests.Infrastructure;

/// <summary>Counts TorchSharp's live native tensors.</summary>
internal static class LiveTensors
{
    /// <summary>
    /// Asserts that a fit of 300 steps (with its scoring) leaves as many live tensors behind as one of 30 steps. TorchSharp
    /// keeps counting one wrapper per parameter after <c>Module.Dispose</c>, so two lengths of training are compared.
    /// </summary>
    /// <param name="fitAndScore">Fits a model for the given number of steps, scores with it and disposes it.</param>
    public static void AssertFlatOverSteps(Action<int> fitAndScore)
    {
        var after30 = LeftBy(() => fitAndScore(30));
        var after300 = LeftBy(() => fitAndScore(300));

        Assert.AreEqual(after30, after300, "live tensors left by a fit of 30 steps and by one of 300");
    }

    private static long LeftBy(Action run)
    {
        var before = Settled();
        run();
        return Settled() - before;
    }

    /// <summary>The live tensor count once earlier tests' unreachable tensors are finalized (their finalizers lower it).</summary>
    private static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Tensor.TotalCount;
    }
}
