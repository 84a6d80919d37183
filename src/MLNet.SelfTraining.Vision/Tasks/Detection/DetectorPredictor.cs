using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Scoring;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// Batched, thread-safe inference with a trained detector network (<see cref="NetworkScorer{TNetwork}"/>): each image's
/// output is its decoded boxes (<see cref="DetectionDecoder"/>) in the <see cref="DetectionRow"/> layout.
/// </summary>
internal sealed class DetectorPredictor : NetworkScorer<ImageNetwork>
{
    private readonly DetectionDecoder _decoder;
    private readonly int _classCount;

    public DetectorPredictor(ImageNetwork network, ImageNetworkSpec spec, float inputScale, DetectionDecoding decoding)
        : base(network, spec.Channels, spec.ImageHeight, spec.ImageWidth, inputScale, decoding.OutputSize)
    {
        _decoder = new DetectionDecoder(decoding, spec.Backbone.Stride, spec.ImageHeight, spec.ImageWidth);
        _classCount = spec.ClassCount;
    }

    protected override Tensor Outputs(Tensor networkOutput) => _decoder.Decode(networkOutput, _classCount);
}
