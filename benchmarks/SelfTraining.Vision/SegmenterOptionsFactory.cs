using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace SelfTraining.Vision;

/// <summary>The <see cref="TorchImageSegmenterTrainer.Options"/> of a segmentation run's teacher and student.</summary>
internal static class SegmenterOptionsFactory
{
    /// <summary>Inference batch of teacher and student (the segmenter's default; the Python replica's too).</summary>
    public const int InferenceBatchSize = 64;

    public static TorchImageSegmenterTrainer.Options Teacher(SceneConfig config) => Create(config, config.TeacherSteps, config.TeacherPolicy);

    public static TorchImageSegmenterTrainer.Options Student(SceneConfig config) => Create(config, config.StudentSteps, config.StudentPolicy);

    private static TorchImageSegmenterTrainer.Options Create(SceneConfig config, int steps, AugmentationPolicy policy) => new()
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
