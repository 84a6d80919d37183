using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision;

/// <summary>One self-training configuration on the canonical MNIST-10k split.</summary>
/// <param name="Labeled">Labeled set size k.</param>
/// <param name="Policy">Augmentation policy of teacher and student.</param>
/// <param name="Seed">Seed of both trainers.</param>
/// <param name="TeacherSteps">Optimizer steps of the teacher.</param>
/// <param name="StudentSteps">Optimizer steps of each student.</param>
/// <param name="Rounds">Self-training rounds (MaximumIterations).</param>
/// <param name="SoftLabels">Soft (teacher probabilities) instead of hard pseudo labels.</param>
/// <param name="NormalizeLoss">Loss normalization of the student.</param>
/// <param name="Threshold">Confidence threshold of pseudo-label selection.</param>
/// <param name="LearningRate">Peak AdamW learning rate.</param>
/// <param name="StudentPolicy">Augmentation policy of the students (the student's extra noise).</param>
/// <param name="StudentStochasticDepth">Stochastic-depth rate of the students (the teacher has none).</param>
/// <param name="Rescore">Whether each round re-labels every unlabeled row with the current teacher.</param>
/// <param name="PseudoRatio">Pseudo-labeled rows per human-labeled row in each student batch.</param>
/// <param name="Width">SmallCnn base width of teacher and students.</param>
/// <param name="AutoAugmentPolicy">TorchVision AutoAugment policy of S2/S3.</param>
/// <param name="OnlineThreshold">Students' online re-labeling threshold (null: fixed pseudo labels).</param>
/// <param name="RotationDegrees">Largest random rotation of S1–S4 (0 = the paper's policies).</param>
/// <param name="OnlineMask">Whether the students' online re-labeling leaves unconfident pseudo rows out of the loss.</param>
/// <param name="WeightAverage">Decay of the students' weight moving average (null: the last weights).</param>
/// <param name="BalanceClasses">Noisy Student class balancing of the selected pseudo labels.</param>
/// <param name="ElasticAlpha">Elastic distortion strength of S1–S4 in pixels (0 = off).</param>
/// <param name="FromTeacher">Whether each round's student starts from that round's teacher instead of from scratch.</param>
/// <param name="MeanTeacher">Whether the students' weight average, not the network itself, labels online.</param>
internal sealed record SelfTrainConfig(
    int Labeled,
    AugmentationPolicy Policy,
    int Seed,
    int TeacherSteps,
    int StudentSteps,
    int Rounds,
    bool SoftLabels,
    bool NormalizeLoss,
    double Threshold,
    double LearningRate,
    AugmentationPolicy StudentPolicy,
    double StudentStochasticDepth,
    bool Rescore,
    double PseudoRatio,
    int Width,
    TorchSharp.torchvision.autoaugment.AutoAugmentPolicy AutoAugmentPolicy,
    double RotationDegrees,
    double? OnlineThreshold,
    bool OnlineMask,
    double? WeightAverage,
    bool BalanceClasses,
    double ElasticAlpha,
    bool FromTeacher,
    bool MeanTeacher);
