using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace SelfTraining.Vision;

/// <summary>The <see cref="TorchImageSegmenterTrainer.Options"/> of a segmentation run's teacher and student (and of the study's arms).</summary>
internal static class SegmenterOptionsFactory
{
    /// <summary>The teacher: <see cref="SceneConfig.TeacherSteps"/>, <see cref="SceneConfig.TeacherPolicy"/>.</summary>
    /// <param name="config">The run.</param>
    /// <param name="initialBackbone">A backbone archive the network starts from, or <see langword="null"/> for random weights.</param>
    public static TorchImageSegmenterTrainer.Options Teacher(SceneConfig config, string? initialBackbone = null) =>
        Create(config, config.TeacherSteps, config.TeacherPolicy, initialBackbone);

    /// <summary>The student: <see cref="SceneConfig.StudentSteps"/>, <see cref="SceneConfig.StudentPolicy"/>.</summary>
    /// <param name="config">The run.</param>
    /// <param name="initialBackbone">A backbone archive the network starts from, or <see langword="null"/> for random weights.</param>
    public static TorchImageSegmenterTrainer.Options Student(SceneConfig config, string? initialBackbone = null) =>
        Create(config, config.StudentSteps, config.StudentPolicy, initialBackbone);

    private static TorchImageSegmenterTrainer.Options Create(SceneConfig config, int steps, AugmentationPolicy policy, string? initialBackbone) => new()
    {
        Network = SceneTrainerParts.Network(config, initialBackbone),
        Optimization = SceneTrainerParts.Optimization(config, steps),
        Augmentation = new AugmentationOptions { Policy = policy },
        Student = new StudentOptions { NormalizeLoss = config.NormalizeLoss },
    };
}
