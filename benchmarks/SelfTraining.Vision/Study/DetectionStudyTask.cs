using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace SelfTraining.Vision.Study;

/// <summary>The study's detection arms: the TorchSharp detector, <c>mlContext.Detection()</c>'s self-training and AP.</summary>
internal sealed class DetectionStudyTask : IStudyTask
{
    public string Name => RunKind.Detect;

    public string Metric => "AP";

    public IEstimator<ITransformer> Trainer(MLContext mlContext, SceneConfig config, string? initialBackbone, bool student) =>
        mlContext.Detection().Trainers.TorchDetector(student ? DetectorOptionsFactory.Student(config, initialBackbone) : DetectorOptionsFactory.Teacher(config, initialBackbone));

    public ITransformer Load(MLContext mlContext, string path) => TorchObjectDetectorTransformer.Load(mlContext, path);

    public void Save(ITransformer model, string path) => ((TorchObjectDetectorTransformer)model).Save(path);

    public SelfTrainingEstimator SelfTraining(MLContext mlContext, IEstimator<ITransformer> teacher, IDataView unlabeled, IEstimator<ITransformer> student,
        double threshold) =>
        mlContext.Detection().SelfTraining(teacher, unlabeled,
            new SelfTrainingOptions { LabelColumnName = DefaultColumnNames.Labels, MaximumIterations = 1, Student = student },
            new PseudoBoxOptions { ScoreThreshold = (float)threshold });

    public StudyPseudoLabels PseudoLabels(ITransformer teacher, IDataView unlabeled, double threshold) =>
        new(PseudoBoxPass.Run(teacher, unlabeled, threshold).Summary, null);

    public (double Value, double? AveragePrecision50) Evaluate(MLContext mlContext, ITransformer model, IDataView test)
    {
        var metrics = mlContext.Detection().Evaluate(model.Transform(test));
        return (metrics.AveragePrecision, metrics.AveragePrecision50);
    }
}
