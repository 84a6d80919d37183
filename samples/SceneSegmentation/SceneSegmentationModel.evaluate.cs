// Shaped like ML.NET Model Builder's generated <Name>.evaluate.cs: PASCAL VOC metrics of a segmenter.
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Evaluation;

namespace SceneSegmentation;

public partial class SceneSegmentationModel
{
    /// <summary>
    /// Evaluates a segmenter (the teacher or the student) on images with a true "Mask": mean IoU, per-class IoU and pixel
    /// accuracy over one confusion matrix of every pixel whose truth is not 255.
    /// </summary>
    public static SegmentationMetrics Evaluate(MLContext mlContext, ITransformer model, IDataView data)
        => mlContext.Segmentation().Evaluate(model.Transform(data), DefaultColumnNames.Mask, DefaultColumnNames.PredictedMask);
}
