using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>What scoring needs to know about a fitted detector besides its weights.</summary>
/// <param name="FeatureColumnName">The image column.</param>
/// <param name="LabelColumnName">The label column of training.</param>
/// <param name="BoxColumnName">The box column of training.</param>
/// <param name="Spec">The network.</param>
/// <param name="ClassNames">The K class names, in class-index order (key k + 1 is class k).</param>
/// <param name="InputScale">Factor applied to pixels before the network.</param>
/// <param name="InferenceBatchSize">Rows per forward pass.</param>
/// <param name="Decoding">How boxes are decoded.</param>
/// <param name="Outputs">The output columns' names.</param>
internal sealed record DetectorInfo(
    string FeatureColumnName,
    string LabelColumnName,
    string BoxColumnName,
    ImageNetworkSpec Spec,
    string[] ClassNames,
    float InputScale,
    int InferenceBatchSize,
    DetectionDecoding Decoding,
    DetectionOutputNames Outputs);
