using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Scoring;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>
/// Batched, thread-safe inference with a pre-trained backbone (<see cref="NetworkScorer{TNetwork}"/>): the embedding
/// network's globally average-pooled features out, K per image.
/// </summary>
internal sealed class EmbeddingPredictor : NetworkScorer<ImageNetwork>
{
    /// <param name="network">A <see cref="SimClrNetwork"/> embedding network; owned (disposed) by the predictor.</param>
    /// <param name="info">The images' shape and the backbone.</param>
    public EmbeddingPredictor(ImageNetwork network, SimClrInfo info)
        : base(network, info.Backbone.Channels, info.ImageHeight, info.ImageWidth, info.InputScale, info.EmbeddingSize)
    {
    }

    protected override Tensor Outputs(Tensor networkOutput) => networkOutput;   // (B, K)
}
