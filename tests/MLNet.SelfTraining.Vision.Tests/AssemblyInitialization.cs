// TorchSharp's seed and thread count are process-wide: run tests one at a time.
[assembly: DoNotParallelize]

namespace MLNet.SelfTraining.Vision.Tests;

[TestClass]
public static class AssemblyInitialization
{
    /// <summary>Two intra-op threads are pathologically slow on the 2-vCPU CI machines (docs/torchsharp.md §3).</summary>
    [AssemblyInitialize]
    public static void UseOneTorchThread(TestContext context) => TorchSharp.torch.set_num_threads(1);
}
