using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Scoring;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// Batched, thread-safe inference with a trained segmenter network (<see cref="NetworkScorer{TNetwork}"/>). Each
/// image's output is 2·H·W floats: first the predicted class of every pixel (the argmax of the softmax over the
/// classes), then its probability (the confidence), both row-major.
/// </summary>
internal sealed class SegmenterPredictor : NetworkScorer<ImageNetwork>
{
    public SegmenterPredictor(ImageNetwork network, ImageNetworkSpec spec, float inputScale)
        : base(network, spec.Channels, spec.ImageHeight, spec.ImageWidth, inputScale, 2 * spec.PixelCount)
    {
    }

    protected override Tensor Outputs(Tensor networkOutput)
    {
        var (confidence, classes) = nn.functional.softmax(networkOutput, 1).max(1);           // (B, H, W) each
        return cat([classes.to_type(ScalarType.Float32).flatten(1), confidence.flatten(1)], 1);   // (B, 2·H·W)
    }
}
