using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>What scoring needs to know about a fitted classifier besides its weights.</summary>
/// <param name="FeatureColumnName">The image column.</param>
/// <param name="LabelColumnName">The label column of training (checked at scoring when present).</param>
/// <param name="Spec">The network.</param>
/// <param name="Classes">The classes.</param>
/// <param name="InputScale">Factor applied to pixels before the network.</param>
/// <param name="InferenceBatchSize">Rows per forward pass.</param>
internal sealed record ClassifierInfo(
    string FeatureColumnName,
    string LabelColumnName,
    ImageNetworkSpec Spec,
    ClassLabels Classes,
    float InputScale,
    int InferenceBatchSize);
