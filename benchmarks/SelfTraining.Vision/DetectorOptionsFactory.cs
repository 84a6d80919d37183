using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace SelfTraining.Vision;

/// <summary>The <see cref="TorchObjectDetectorTrainer.Options"/> of a detection run's teacher and student.</summary>
internal static class DetectorOptionsFactory
{
    /// <summary>Inference batch of teacher and student (the detector's default; the Python replica's too).</summary>
    public const int InferenceBatchSize = 64;

    public static TorchObjectDetectorTrainer.Options Teacher(SceneConfig config) => Create(config, config.TeacherSteps, config.TeacherPolicy);

    public static TorchObjectDetectorTrainer.Options Student(SceneConfig config) => Create(config, config.StudentSteps, config.StudentPolicy);

    private static TorchObjectDetectorTrainer.Options Create(SceneConfig config, int steps, AugmentationPolicy policy) => new()
    {
        Network = new NetworkOptions { ImageHeight = config.Canvas, ImageWidth = config.Canvas, BaseWidth = config.Width },
        Optimization = new OptimizationOptions
        {
            NumberOfSteps = steps,
            BatchSize = config.BatchSize,
            InferenceBatchSize = InferenceBatchSize,
            LearningRate = config.LearningRate,
            NumberOfThreads = 1,
            Seed = config.Seed,
        },
        Augmentation = new AugmentationOptions { Policy = policy },
        Student = new StudentOptions { NormalizeLoss = config.NormalizeLoss },
    };
}
