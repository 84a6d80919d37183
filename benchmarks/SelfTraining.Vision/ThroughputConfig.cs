using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision;

/// <summary>One throughput run's settings (a <c>throughput</c> run of a phase file; see benchmarks/configs/phase.schema.json).</summary>
/// <param name="Raw">Time a plain TorchSharp copy of the network (no ML.NET trainer or data views; no augmentation).</param>
/// <param name="Policies">Augmentation policies to time.</param>
/// <param name="Elastic">Also time each policy but None with elastic distortion of this strength in pixels (0: no).</param>
/// <param name="Steps">Timed training steps per repeat (batch 128).</param>
/// <param name="Repeats">Timed repeats (median reported).</param>
internal sealed record ThroughputConfig(bool Raw, AugmentationPolicy[] Policies, double Elastic, int Steps, int Repeats)
    : IRunConfig<ThroughputConfig>
{
    /// <summary>The same run for a smoke test (<c>--quick</c>): steps × 3/50, one repeat.</summary>
    public ThroughputConfig Shrunk() => this with { Steps = QuickRun.Steps(Steps), Repeats = 1 };
}
