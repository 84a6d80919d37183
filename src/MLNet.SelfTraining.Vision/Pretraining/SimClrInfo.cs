using MLNet.SelfTraining.Vision.Models.Backbones;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>What scoring needs to know about a pre-trained backbone besides its weights.</summary>
/// <param name="FeatureColumnName">The image column.</param>
/// <param name="OutputColumnName">The embedding column.</param>
/// <param name="Backbone">The backbone.</param>
/// <param name="ImageHeight">Input height in pixels.</param>
/// <param name="ImageWidth">Input width in pixels.</param>
/// <param name="InputScale">Factor applied to pixels before the network.</param>
/// <param name="InferenceBatchSize">Rows per forward pass.</param>
internal sealed record SimClrInfo(
    string FeatureColumnName,
    string OutputColumnName,
    BackboneSpec Backbone,
    int ImageHeight,
    int ImageWidth,
    float InputScale,
    int InferenceBatchSize)
{
    /// <summary>Values per embedding: the backbone's output channels.</summary>
    public int EmbeddingSize => (int)Backbone.OutputChannels;
}
