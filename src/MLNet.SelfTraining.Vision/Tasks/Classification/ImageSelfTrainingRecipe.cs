using MLNet.SelfTraining.PseudoLabeling;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// A complete recipe for self-training the TorchSharp image classifier: the teacher's and the student's trainer options
/// and the self-training options. <see cref="Paper"/> and <see cref="FixMatch"/> are the two recipes that matter; pass
/// one to
/// <see cref="TorchImageClassifierCatalog.SelfTraining(Microsoft.ML.MulticlassClassificationCatalog.MulticlassClassificationTrainers, Microsoft.ML.MLContext, Microsoft.ML.IDataView?, ImageSelfTrainingRecipe)"/>,
/// after changing any option you need (all three parts are ordinary, mutable options objects).
/// </summary>
public sealed class ImageSelfTrainingRecipe
{
    private ImageSelfTrainingRecipe(TorchImageClassifierTrainer.Options teacher, TorchImageClassifierTrainer.Options student, SelfTrainingOptions selfTraining)
    {
        Teacher = teacher;
        Student = student;
        SelfTraining = selfTraining;
    }

    /// <summary>The teacher's trainer options.</summary>
    public TorchImageClassifierTrainer.Options Teacher { get; }

    /// <summary>The student's trainer options.</summary>
    public TorchImageClassifierTrainer.Options Student { get; }

    /// <summary>The self-training options (its <see cref="SelfTrainingOptions.Student"/> is set from <see cref="Student"/> when the estimator is created).</summary>
    public SelfTrainingOptions SelfTraining { get; }

    /// <summary>
    /// Zoph et al. 2020: a teacher with strong augmentation (S2: AutoAugment + scale jitter), its hard pseudo labels
    /// above 0.9, and one fresh student trained as long as the teacher with the same augmentation and the paper's loss
    /// normalization, on one human and one pseudo-labeled row per batch pair.
    /// </summary>
    /// <param name="steps">Training steps of the teacher and of the student. Default 500.</param>
    /// <param name="seed">Seed of both trainers; <see langword="null"/> draws from the <c>MLContext</c>. Default <see langword="null"/>.</param>
    /// <param name="network">The input images and network of both trainers; <see langword="null"/> is the default
    /// <see cref="NetworkOptions"/> (1×28×28, small CNN). Default <see langword="null"/>.</param>
    public static ImageSelfTrainingRecipe Paper(int steps = 500, int? seed = null, NetworkOptions? network = null)
    {
        RequirePositive(steps, nameof(steps));
        return new ImageSelfTrainingRecipe(
            Trainer(steps, seed, network, elasticAlpha: 0),
            Trainer(steps, seed, network, elasticAlpha: 0),
            new SelfTrainingOptions { MaximumIterations = 1, Selection = new PseudoLabelOptions { ConfidenceThreshold = 0.9 } });
    }

    /// <summary>
    /// The FixMatch-style student: every unlabeled image is a candidate (selection threshold 0, one round); the student
    /// re-labels the pseudo-labeled images online where its own probability on the un-augmented image reaches 0.95 and
    /// leaves the others out of its loss, mixes one human with three pseudo-labeled rows per batch, trains eight times as
    /// long as the teacher with FixMatch's plain loss <c>L_h + α·L_p</c> and a 0.999 weight average; teacher and student
    /// use S2 with elastic distortion (α = 16 pixels).
    /// </summary>
    /// <param name="teacherSteps">Training steps of the teacher; the student trains 8× as many. Default 500.</param>
    /// <param name="seed">Seed of both trainers; <see langword="null"/> draws from the <c>MLContext</c>. Default <see langword="null"/>.</param>
    /// <param name="network">The input images and network of both trainers; <see langword="null"/> is the default
    /// <see cref="NetworkOptions"/>. Default <see langword="null"/>.</param>
    public static ImageSelfTrainingRecipe FixMatch(int teacherSteps = 500, int? seed = null, NetworkOptions? network = null)
    {
        RequirePositive(teacherSteps, nameof(teacherSteps));
        var student = Trainer(checked(8 * teacherSteps), seed, network, elasticAlpha: 16);
        student.Student.PseudoLabelRatio = 3;
        student.Student.OnlineRelabelThreshold = 0.95;
        student.Student.MaskUnconfidentPseudoRows = true;
        student.Student.NormalizeLoss = false;
        student.Optimization.WeightAverageDecay = 0.999;
        return new ImageSelfTrainingRecipe(
            Trainer(teacherSteps, seed, network, elasticAlpha: 16),
            student,
            new SelfTrainingOptions { MaximumIterations = 1, Selection = new PseudoLabelOptions { ConfidenceThreshold = 0 } });
    }

    private static TorchImageClassifierTrainer.Options Trainer(int steps, int? seed, NetworkOptions? network, double elasticAlpha) => new()
    {
        Network = network is null ? new NetworkOptions() : network.Clone(),
        Optimization = new OptimizationOptions { NumberOfSteps = steps, Seed = seed },
        Augmentation = new AugmentationOptions { Policy = AugmentationPolicy.S2, ElasticAlpha = elasticAlpha },
    };

    private static void RequirePositive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive; got {value}.");
        }
    }
}
