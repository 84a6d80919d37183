using Microsoft.ML;
using MLNet.SelfTraining;

namespace SelfTraining.Vision.Study;

/// <summary>What an arm run does that depends on its task (<see cref="DetectionStudyTask"/>, <see cref="SegmentationStudyTask"/>).</summary>
internal interface IStudyTask
{
    /// <summary>The task's name (<see cref="RunKind.Detect"/>, <see cref="RunKind.Segment"/>).</summary>
    string Name { get; }

    /// <summary>The test metric's name.</summary>
    string Metric { get; }

    /// <summary>The TorchSharp trainer of <paramref name="config"/>'s teacher (or student) from <paramref name="initialBackbone"/>.</summary>
    IEstimator<ITransformer> Trainer(MLContext mlContext, SceneConfig config, string? initialBackbone, bool student);

    /// <summary>Reads a model <see cref="Save"/> wrote.</summary>
    ITransformer Load(MLContext mlContext, string path);

    /// <summary>Writes a model of <see cref="Trainer"/> (atomically: the library's archives are).</summary>
    void Save(ITransformer model, string path);

    /// <summary>One round of the core's self-training of the task (pseudo labels at <paramref name="threshold"/>, normalized loss as the student's options say).</summary>
    SelfTrainingEstimator SelfTraining(MLContext mlContext, IEstimator<ITransformer> teacher, IDataView unlabeled, IEstimator<ITransformer> student,
        double threshold);

    /// <summary>The teacher's pseudo labels of <paramref name="unlabeled"/> (scene schema with hidden targets) against the hidden truth.</summary>
    StudyPseudoLabels PseudoLabels(ITransformer teacher, IDataView unlabeled, double threshold);

    /// <summary>The model's test metric (and AP50 for detection).</summary>
    (double Value, double? AveragePrecision50) Evaluate(MLContext mlContext, ITransformer model, IDataView test);
}
