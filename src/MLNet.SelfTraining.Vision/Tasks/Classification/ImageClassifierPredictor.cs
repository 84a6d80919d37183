using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Scoring;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// Batched, thread-safe inference with a trained classifier network (<see cref="NetworkScorer{TNetwork}"/>): softmax
/// probabilities out, one per class.
/// </summary>
internal sealed class ImageClassifierPredictor : NetworkScorer<ImageNetwork>
{
    public ImageClassifierPredictor(ImageNetwork network, ImageNetworkSpec spec, float inputScale)
        : base(network, spec.Channels, spec.ImageHeight, spec.ImageWidth, inputScale, spec.ClassCount)
    {
    }

    protected override Tensor Outputs(Tensor networkOutput) => nn.functional.softmax(networkOutput, 1);   // (B, K)
}
