using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>What scoring needs to know about a fitted segmenter besides its weights.</summary>
/// <param name="FeatureColumnName">The image column.</param>
/// <param name="MaskColumnName">The mask column of training.</param>
/// <param name="Spec">The network.</param>
/// <param name="ClassNames">The K class names, in class-index order.</param>
/// <param name="InputScale">Factor applied to pixels before the network.</param>
/// <param name="InferenceBatchSize">Rows per forward pass.</param>
internal sealed record SegmenterInfo(
    string FeatureColumnName,
    string MaskColumnName,
    ImageNetworkSpec Spec,
    string[] ClassNames,
    float InputScale,
    int InferenceBatchSize);
