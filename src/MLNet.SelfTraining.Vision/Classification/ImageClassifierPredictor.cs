using MLNet.SelfTraining.Vision.Models;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Classification;

/// <summary>
/// Batched, thread-safe inference with a trained network: eval mode, inference mode, one forward pass per call, softmax
/// probabilities out. Calls from several cursor threads are serialized on the module.
/// </summary>
internal sealed class ImageClassifierPredictor : IDisposable
{
    private readonly object _sync = new();
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly float _inputScale;

    public ImageClassifierPredictor(nn.Module<Tensor, Tensor> network, ModelSpec spec, float inputScale)
    {
        _network = network;
        _network.eval();
        Spec = spec;
        _inputScale = inputScale;
    }

    public ModelSpec Spec { get; }

    public int PixelCount => Spec.Channels * Spec.ImageHeight * Spec.ImageWidth;

    /// <summary>Runs <paramref name="action"/> on the network (e.g. to save or copy its weights), serialized with <see cref="Predict"/>.</summary>
    public void Use(Action<nn.Module<Tensor, Tensor>> action)
    {
        lock (_sync)
            action(_network);
    }

    /// <summary>Writes the class probabilities of <paramref name="rows"/> images into <paramref name="probabilities"/>.</summary>
    /// <param name="pixels">At least <paramref name="rows"/>·C·H·W unscaled pixel values.</param>
    /// <param name="rows">Images in the batch.</param>
    /// <param name="probabilities">Receives <paramref name="rows"/>·K probabilities.</param>
    public void Predict(float[] pixels, int rows, float[] probabilities)
    {
        lock (_sync)
        {
            using var scope = NewDisposeScope();
            using var inference = inference_mode();
            var input = tensor(pixels.AsMemory(0, rows * PixelCount), [rows, Spec.Channels, Spec.ImageHeight, Spec.ImageWidth]);
            var scaled = _inputScale == 1f ? input : input.mul(_inputScale);
            var result = nn.functional.softmax(_network.forward(scaled), 1);   // (B, K)
            result.data<float>().CopyTo(probabilities);
        }
    }

    public void Dispose() => _network.Dispose();
}
