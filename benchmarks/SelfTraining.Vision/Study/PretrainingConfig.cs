using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision.Study;

/// <summary>One pre-training of the study (supervised or SimCLR) on the object-centric images.</summary>
/// <param name="Steps">Optimizer steps.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Peak AdamW learning rate.</param>
/// <param name="Policy">Augmentation policy; <see langword="null"/> for the method's own (SimCLR's two views).</param>
internal sealed record PretrainingConfig(int Steps, int BatchSize, double LearningRate, AugmentationPolicy? Policy);
