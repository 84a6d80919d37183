using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision;

/// <summary>One fine-tuning run's settings (a <c>finetune</c> run of a phase file; see benchmarks/configs/phase.schema.json).</summary>
/// <param name="Split">The MNIST-10k split (<see cref="SplitChoice"/>).</param>
/// <param name="Labeled">Labeled set size k.</param>
/// <param name="Seed">Seed of the trainer.</param>
/// <param name="Init"><c>imagenet</c> (the package's ResNet18.onnx) or <c>random</c>.</param>
/// <param name="Side">Image side in pixels, the digits upscaled bilinearly.</param>
/// <param name="Steps">Optimizer steps.</param>
/// <param name="BatchSize">Training batch.</param>
/// <param name="LearningRate">Peak AdamW learning rate.</param>
/// <param name="Policy">Augmentation policy.</param>
internal sealed record FineTuneConfig(
    string Split,
    int Labeled,
    int Seed,
    string Init,
    int Side,
    int Steps,
    int BatchSize,
    double LearningRate,
    AugmentationPolicy Policy) : IRunConfig<FineTuneConfig>
{
    /// <summary>The ImageNet initialization.</summary>
    public const string ImageNet = "imagenet";

    /// <summary>The same run for a smoke test (<c>--quick</c>): steps × 3/50.</summary>
    public FineTuneConfig Shrunk() => this with { Steps = QuickRun.Steps(Steps) };
}
