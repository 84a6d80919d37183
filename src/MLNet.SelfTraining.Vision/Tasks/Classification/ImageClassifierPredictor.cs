using MLNet.SelfTraining.Vision.Scoring;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// Batched, thread-safe inference with a trained network: eval mode, inference mode, one forward pass per call, softmax
/// probabilities out. Calls from several cursor threads, and <see cref="Dispose"/>, are serialized on the module: a call
/// after (or waiting on) the dispose throws <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class ImageClassifierPredictor : IBatchScorer, IDisposable
{
    private readonly object _sync = new();
    private readonly ClassifierNetwork _network;
    private readonly float _inputScale;
    private bool _disposed;

    public ImageClassifierPredictor(ClassifierNetwork network, ClassifierSpec spec, float inputScale)
    {
        _network = network;
        _network.eval();
        Spec = spec;
        _inputScale = inputScale;
    }

    public ClassifierSpec Spec { get; }

    /// <summary>C·H·W pixels per image.</summary>
    public int InputSize => Spec.Channels * Spec.ImageHeight * Spec.ImageWidth;

    /// <summary>One probability per class.</summary>
    public int OutputSize => Spec.ClassCount;

    /// <summary>Runs <paramref name="action"/> on the network (e.g. to save or copy its weights), serialized with <see cref="Score"/>.</summary>
    /// <exception cref="ObjectDisposedException">The predictor is disposed.</exception>
    public void Use(Action<ClassifierNetwork> action)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            action(_network);
        }
    }

    /// <summary>Writes the class probabilities of <paramref name="rows"/> images into <paramref name="outputs"/>.</summary>
    /// <param name="inputs">At least <paramref name="rows"/>·C·H·W unscaled pixel values.</param>
    /// <param name="rows">Images in the batch.</param>
    /// <param name="outputs">Receives <paramref name="rows"/>·K probabilities.</param>
    /// <exception cref="ObjectDisposedException">The predictor is disposed.</exception>
    public void Score(float[] inputs, int rows, float[] outputs)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var scope = NewDisposeScope();
            using var inference = inference_mode();
            var input = tensor(inputs.AsMemory(0, rows * InputSize), [rows, Spec.Channels, Spec.ImageHeight, Spec.ImageWidth]);
            var scaled = _inputScale == 1f ? input : input.mul(_inputScale);
            var result = nn.functional.softmax(_network.forward(scaled), 1);   // (B, K)
            result.data<float>().CopyTo(outputs);
        }
    }

    /// <summary>Releases the network once no call is using it; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            if (!_disposed)
            {
                _disposed = true;
                _network.Dispose();
            }
        }
    }
}
