// Shaped like ML.NET Model Builder's generated <Name>.training.cs, with a self-training step.
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace SceneSegmentation;

/// <summary>The self-trained TorchSharp segmenter of digit scenes: training, consumption, evaluation.</summary>
public partial class SceneSegmentationModel
{
    /// <summary>A pixel of the teacher's mask becomes a pseudo pixel when its confidence is at least this (Zoph et al. 2020).</summary>
    public const float PixelConfidenceThreshold = PseudoMaskOptions.DefaultPixelConfidenceThreshold;

    /// <summary>The teacher: the TorchSharp segmenter (small CNN + FCN head) with standard augmentation (S1: scale jitter 0.8–1.2, crop or pad).</summary>
    /// <param name="channels">Image channels (1 for the scenes).</param>
    /// <param name="size">Image height and width.</param>
    /// <param name="steps">Training steps.</param>
    public static TorchImageSegmenterTrainer.Options BuildTeacher(int channels, int size, int steps) => Trainer(channels, size, steps, AugmentationPolicy.S1);

    /// <summary>
    /// The student: the same network trained from scratch on human + pseudo masks with strong augmentation (S4:
    /// RandAugment, scale jitter 0.5–2.0; the masks move with the pixels) and the paper's loss normalization (the pseudo
    /// loss scaled to the human loss's running average; by default one human and one pseudo-labeled image per batch pair).
    /// </summary>
    /// <param name="channels">Image channels (1 for the scenes).</param>
    /// <param name="size">Image height and width.</param>
    /// <param name="steps">Training steps.</param>
    public static TorchImageSegmenterTrainer.Options BuildStudent(int channels, int size, int steps)
    {
        var student = Trainer(channels, size, steps, AugmentationPolicy.S4);
        student.Student.NormalizeLoss = true;   // the default, set here because it is the recipe
        return student;
    }

    /// <summary>
    /// One round of self-training (Zoph et al. 2020): the teacher trains on the labeled masks, pseudo-labels the unlabeled
    /// images (a pixel keeps the teacher's class when its confidence is ≥ <see cref="PixelConfidenceThreshold"/>, else 255,
    /// ignored), and the student trains on both.
    /// </summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="unlabeled">The unlabeled images.</param>
    /// <param name="teacher">The teacher's options (<see cref="BuildTeacher"/>).</param>
    /// <param name="student">The student's options (<see cref="BuildStudent"/>).</param>
    /// <param name="progress">Receives the run's stages and the student's steps.</param>
    /// <param name="diagnosticMaskColumnName">A column of the unlabeled data with the true masks, only to report the pseudo masks' accuracy; <see langword="null"/> when there is none.</param>
    public static SelfTrainingEstimator BuildPipeline(MLContext mlContext, IDataView unlabeled, TorchImageSegmenterTrainer.Options teacher,
        TorchImageSegmenterTrainer.Options student, IProgress<SelfTrainingProgress> progress, string? diagnosticMaskColumnName)
    {
        var options = new SelfTrainingOptions
        {
            LabelColumnName = DefaultColumnNames.Mask,
            MaximumIterations = 1,
            Student = mlContext.Segmentation().Trainers.TorchSegmenter(student),
            DiagnosticLabelColumnName = diagnosticMaskColumnName,
            Progress = progress,
        };
        return mlContext.Segmentation().SelfTraining(mlContext.Segmentation().Trainers.TorchSegmenter(teacher), unlabeled, options,
            new PseudoMaskOptions { PixelConfidenceThreshold = PixelConfidenceThreshold });
    }

    /// <summary>Self-trains the segmenter on the labeled scenes and the unlabeled pool.</summary>
    public static SelfTrainingTransformer RetrainModel(IDataView labeled, SelfTrainingEstimator pipeline) => pipeline.Fit(labeled);

    /// <summary>Saves the student as a segmenter archive (manifest + weights) that <see cref="Predict"/> loads back.</summary>
    public static void SaveModel(SelfTrainingTransformer model, string modelSavePath)
        => ((TorchImageSegmenterTransformer)model.Model).Save(modelSavePath);

    private static TorchImageSegmenterTrainer.Options Trainer(int channels, int size, int steps, AugmentationPolicy augmentation) => new()
    {
        Network = new NetworkOptions { ImageChannels = channels, ImageHeight = size, ImageWidth = size },
        Optimization = new OptimizationOptions { NumberOfSteps = steps, BatchSize = 32, InferenceBatchSize = 64, Seed = 1 },
        Augmentation = new AugmentationOptions { Policy = augmentation },
    };
}
