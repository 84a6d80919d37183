using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision;

/// <summary>One self-training run's settings (a <c>selftrain</c> run of a phase file; see benchmarks/configs/phase.schema.json).</summary>
/// <param name="Split">The MNIST-10k split (<see cref="SplitChoice"/>).</param>
/// <param name="Labeled">Labeled set size k.</param>
/// <param name="Policy">Augmentation policy of the teacher (and of the students unless <paramref name="StudentPolicy"/>).</param>
/// <param name="Seed">Seed of both trainers.</param>
/// <param name="TeacherSteps">Optimizer steps of the teacher.</param>
/// <param name="StudentSteps">Optimizer steps of each student.</param>
/// <param name="Rounds">Self-training rounds (MaximumIterations).</param>
/// <param name="Threshold">Confidence threshold of pseudo-label selection.</param>
/// <param name="SoftLabels">Soft (teacher probabilities) instead of hard pseudo labels.</param>
/// <param name="NormalizeLoss">Loss normalization of the student.</param>
/// <param name="StudentPolicy">Augmentation policy of the students (null: <paramref name="Policy"/>).</param>
/// <param name="StudentStochasticDepth">Stochastic-depth rate of the students (the teacher has none).</param>
/// <param name="LearningRate">Peak AdamW learning rate.</param>
/// <param name="Rescore">Whether each round re-labels every unlabeled row with the current teacher.</param>
/// <param name="PseudoRatio">Pseudo-labeled rows per human-labeled row in each student batch.</param>
/// <param name="Width">SmallCnn base width of teacher and students.</param>
/// <param name="AutoAugmentPolicy">TorchVision AutoAugment policy of S2/S3.</param>
/// <param name="RotationDegrees">Largest random rotation of S1–S4 (0 = the paper's policies).</param>
/// <param name="ElasticAlpha">Elastic distortion strength of S1–S4 in pixels (0 = off).</param>
/// <param name="OnlineThreshold">Students' online re-labeling threshold (null: fixed pseudo labels).</param>
/// <param name="OnlineMask">Whether the students' online re-labeling leaves unconfident pseudo rows out of the loss.</param>
/// <param name="WeightAverage">Decay of the students' weight moving average (null: the last weights).</param>
/// <param name="MeanTeacher">Whether the students' weight average, not the network itself, labels online.</param>
/// <param name="FromTeacher">Whether each round's student starts from that round's teacher instead of from scratch.</param>
/// <param name="BalanceClasses">Noisy Student class balancing of the selected pseudo labels.</param>
internal sealed record SelfTrainConfig(
    string Split,
    int Labeled,
    AugmentationPolicy Policy,
    int Seed,
    int TeacherSteps,
    int StudentSteps,
    int Rounds,
    double Threshold,
    bool SoftLabels,
    bool NormalizeLoss,
    AugmentationPolicy? StudentPolicy,
    double StudentStochasticDepth,
    double LearningRate,
    bool Rescore,
    double PseudoRatio,
    int Width,
    TorchSharp.torchvision.autoaugment.AutoAugmentPolicy AutoAugmentPolicy,
    double RotationDegrees,
    double ElasticAlpha,
    double? OnlineThreshold,
    bool OnlineMask,
    double? WeightAverage,
    bool MeanTeacher,
    bool FromTeacher,
    bool BalanceClasses) : IRunConfig<SelfTrainConfig>
{
    /// <summary>The same run for a smoke test (<c>--quick</c>): step counts × 3/50.</summary>
    public SelfTrainConfig Shrunk() => this with { TeacherSteps = QuickRun.Steps(TeacherSteps), StudentSteps = QuickRun.Steps(StudentSteps) };

    /// <summary>Throws when a setting needs another one that is off.</summary>
    public void Check()
    {
        if (OnlineMask && OnlineThreshold is null)
        {
            throw new ArgumentException("onlineMask needs onlineThreshold.");
        }

        if (MeanTeacher && (OnlineThreshold is null || WeightAverage is null))
        {
            throw new ArgumentException("meanTeacher needs onlineThreshold and weightAverage.");
        }
    }
}
