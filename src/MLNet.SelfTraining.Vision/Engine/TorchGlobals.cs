using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>TorchSharp's process-wide settings for a fit.</summary>
internal static class TorchGlobals
{
    /// <summary>Sets TorchSharp's thread count and random seed (both process-wide) for a fit.</summary>
    /// <param name="optimization">The trainer's optimization options (<see cref="OptimizationOptions.NumberOfThreads"/>,
    /// <see cref="OptimizationOptions.Seed"/>).</param>
    /// <param name="host">Draws the seed when the options have none.</param>
    /// <returns>The seed, which also seeds sampling and augmentation.</returns>
    public static int Apply(OptimizationOptions optimization, IHost host)
    {
        set_num_threads(optimization.NumberOfThreads);
        var seed = optimization.Seed ?? host.Rand.Next();
        manual_seed(seed);
        return seed;
    }
}
