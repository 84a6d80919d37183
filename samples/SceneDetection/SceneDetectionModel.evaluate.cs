// Shaped like ML.NET Model Builder's generated <Name>.evaluate.cs: COCO-style metrics of a detector.
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Evaluation;

namespace SceneDetection;

public partial class SceneDetectionModel
{
    /// <summary>
    /// Evaluates a detector (the teacher or the student) on images with true "Labels" and "Box": COCO's AP over IoU
    /// thresholds 0.50:0.05:0.95, AP50, AP75, AP by object size, AR@100 and the AP of each class.
    /// </summary>
    public static DetectionMetrics Evaluate(MLContext mlContext, ITransformer model, IDataView data)
        => mlContext.Detection().Evaluate(model.Transform(data));
}
