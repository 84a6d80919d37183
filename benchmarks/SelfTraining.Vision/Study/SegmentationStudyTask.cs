using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace SelfTraining.Vision.Study;

/// <summary>The study's segmentation arms: the TorchSharp segmenter, <c>mlContext.Segmentation()</c>'s self-training and mIoU.</summary>
internal sealed class SegmentationStudyTask : IStudyTask
{
    public string Name => RunKind.Segment;

    public string Metric => "mIoU";

    public IEstimator<ITransformer> Trainer(MLContext mlContext, SceneConfig config, string? initialBackbone, bool student) =>
        mlContext.Segmentation().Trainers.TorchSegmenter(student ? SegmenterOptionsFactory.Student(config, initialBackbone) : SegmenterOptionsFactory.Teacher(config, initialBackbone));

    public ITransformer Load(MLContext mlContext, string path) => TorchImageSegmenterTransformer.Load(mlContext, path);

    public void Save(ITransformer model, string path) => ((TorchImageSegmenterTransformer)model).Save(path);

    public SelfTrainingEstimator SelfTraining(MLContext mlContext, IEstimator<ITransformer> teacher, IDataView unlabeled, IEstimator<ITransformer> student,
        double threshold) =>
        mlContext.Segmentation().SelfTraining(teacher, unlabeled,
            new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Mask, MaximumIterations = 1, Student = student },
            new PseudoMaskOptions { PixelConfidenceThreshold = (float)threshold });

    public StudyPseudoLabels PseudoLabels(ITransformer teacher, IDataView unlabeled, double threshold) =>
        new(null, PseudoMaskPass.Run(teacher, unlabeled, threshold).Summary);

    public (double Value, double? AveragePrecision50) Evaluate(MLContext mlContext, ITransformer model, IDataView test) =>
        (mlContext.Segmentation().Evaluate(model.Transform(test)).MeanIoU, null);
}
