using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace SelfTraining.Vision;

/// <summary>The <see cref="TorchObjectDetectorTrainer.Options"/> of a detection run's teacher and student (and of the study's arms).</summary>
internal static class DetectorOptionsFactory
{
    /// <summary>The teacher: <see cref="SceneConfig.TeacherSteps"/>, <see cref="SceneConfig.TeacherPolicy"/>.</summary>
    /// <param name="config">The run.</param>
    /// <param name="initialBackbone">A backbone archive the network starts from, or <see langword="null"/> for random weights.</param>
    public static TorchObjectDetectorTrainer.Options Teacher(SceneConfig config, string? initialBackbone = null) =>
        Create(config, config.TeacherSteps, config.TeacherPolicy, initialBackbone);

    /// <summary>The student: <see cref="SceneConfig.StudentSteps"/>, <see cref="SceneConfig.StudentPolicy"/>.</summary>
    /// <param name="config">The run.</param>
    /// <param name="initialBackbone">A backbone archive the network starts from, or <see langword="null"/> for random weights.</param>
    public static TorchObjectDetectorTrainer.Options Student(SceneConfig config, string? initialBackbone = null) =>
        Create(config, config.StudentSteps, config.StudentPolicy, initialBackbone);

    private static TorchObjectDetectorTrainer.Options Create(SceneConfig config, int steps, AugmentationPolicy policy, string? initialBackbone) => new()
    {
        Network = SceneTrainerParts.Network(config, initialBackbone),
        Optimization = SceneTrainerParts.Optimization(config, steps),
        Augmentation = new AugmentationOptions { Policy = policy },
        Student = new StudentOptions { NormalizeLoss = config.NormalizeLoss },
    };
}
