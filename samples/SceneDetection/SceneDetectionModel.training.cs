// Shaped like ML.NET Model Builder's generated <Name>.training.cs, with a self-training step.
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace SceneDetection;

/// <summary>The self-trained TorchSharp object detector of digit scenes: training, consumption, evaluation.</summary>
public partial class SceneDetectionModel
{
    /// <summary>A teacher's box becomes a pseudo box when its score is at least this after per-class NMS (Zoph et al. 2020).</summary>
    public const float PseudoBoxScoreThreshold = 0.5f;

    /// <summary>The teacher: the TorchSharp detector (small CNN + CenterNet-style head) with standard augmentation (S1: scale jitter 0.8–1.2, crop or pad).</summary>
    /// <param name="size">Image height and width.</param>
    /// <param name="steps">Training steps.</param>
    public static TorchObjectDetectorTrainer.Options BuildTeacher(int size, int steps) => Trainer(size, steps, AugmentationPolicy.S1);

    /// <summary>
    /// The student: the same network trained from scratch on human + pseudo boxes with strong augmentation (S4:
    /// RandAugment's colour operations, scale jitter 0.5–2.0; the boxes move with the pixels, and boxes that leave the
    /// image are dropped) and the paper's loss normalization (the pseudo loss scaled to the human loss's running average;
    /// by default one human and one pseudo-labeled image per batch pair).
    /// </summary>
    /// <param name="size">Image height and width.</param>
    /// <param name="steps">Training steps.</param>
    public static TorchObjectDetectorTrainer.Options BuildStudent(int size, int steps)
    {
        var student = Trainer(size, steps, AugmentationPolicy.S4);
        student.Student.NormalizeLoss = true;   // the default, set here because it is the recipe
        return student;
    }

    /// <summary>
    /// One round of self-training (Zoph et al. 2020): the teacher trains on the labeled boxes, pseudo-labels the unlabeled
    /// images (its boxes with a score ≥ <see cref="PseudoBoxScoreThreshold"/> after per-class NMS; an image left with no
    /// box teaches "no digit here"), and the student trains on both.
    /// </summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="unlabeled">The unlabeled images.</param>
    /// <param name="teacher">The teacher's options (<see cref="BuildTeacher"/>).</param>
    /// <param name="student">The student's options (<see cref="BuildStudent"/>).</param>
    /// <param name="progress">Receives the run's stages and the student's steps.</param>
    /// <param name="diagnosticColumns">Columns of the unlabeled data with the true labels and boxes, only to report the pseudo boxes' accuracy; <see langword="null"/> when there are none.</param>
    public static SelfTrainingEstimator BuildPipeline(MLContext mlContext, IDataView unlabeled, TorchObjectDetectorTrainer.Options teacher,
        TorchObjectDetectorTrainer.Options student, IProgress<SelfTrainingProgress> progress, (string Labels, string Boxes)? diagnosticColumns)
    {
        var options = new SelfTrainingOptions
        {
            LabelColumnName = DefaultColumnNames.Labels,
            MaximumIterations = 1,
            Student = mlContext.Detection().Trainers.TorchDetector(student),
            DiagnosticLabelColumnName = diagnosticColumns?.Labels,
            Progress = progress,
        };
        var boxes = new PseudoBoxOptions { ScoreThreshold = PseudoBoxScoreThreshold, DiagnosticBoxColumnName = diagnosticColumns?.Boxes };
        return mlContext.Detection().SelfTraining(mlContext.Detection().Trainers.TorchDetector(teacher), unlabeled, options, boxes);
    }

    /// <summary>Self-trains the detector on the labeled scenes and the unlabeled pool.</summary>
    public static SelfTrainingTransformer RetrainModel(IDataView labeled, SelfTrainingEstimator pipeline) => pipeline.Fit(labeled);

    /// <summary>Saves the student as a detector archive (manifest + weights) that <see cref="Predict"/> loads back.</summary>
    public static void SaveModel(SelfTrainingTransformer model, string modelSavePath)
        => ((TorchObjectDetectorTransformer)model.Model).Save(modelSavePath);

    private static TorchObjectDetectorTrainer.Options Trainer(int size, int steps, AugmentationPolicy augmentation) => new()
    {
        Network = new NetworkOptions { ImageChannels = 1, ImageHeight = size, ImageWidth = size },
        Optimization = new OptimizationOptions { NumberOfSteps = steps, BatchSize = 32, InferenceBatchSize = 64, Seed = 1 },
        Augmentation = new AugmentationOptions { Policy = augmentation },
    };
}
