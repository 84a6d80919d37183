using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>
/// Batched, thread-safe inference with a trained image network: eval mode, inference mode, one forward pass per call,
/// the task's outputs computed from the network's. Calls from several cursor threads, and <see cref="Dispose"/>, are
/// serialized on the module: a call after (or waiting on) the dispose throws <see cref="ObjectDisposedException"/>.
/// </summary>
/// <typeparam name="TNetwork">The network: (B, C, H, W) images in, the task's raw outputs out.</typeparam>
internal abstract class NetworkScorer<TNetwork> : IBatchScorer, IDisposable
    where TNetwork : nn.Module<Tensor, Tensor>
{
    private readonly object _sync = new();
    private readonly TNetwork _network;
    private readonly float _inputScale;
    private readonly long[] _imageShape;
    private bool _disposed;

    /// <param name="network">The trained network; it is put in eval mode and owned (disposed) by the scorer.</param>
    /// <param name="channels">Image channels.</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    /// <param name="inputScale">Factor applied to the pixels before the network.</param>
    /// <param name="outputSize">Floats per output row.</param>
    protected NetworkScorer(TNetwork network, int channels, int height, int width, float inputScale, int outputSize)
    {
        _network = network;
        _network.eval();
        _inputScale = inputScale;
        _imageShape = [channels, height, width];
        InputSize = channels * height * width;
        OutputSize = outputSize;
    }

    /// <summary>C·H·W pixels per image.</summary>
    public int InputSize { get; }

    public int OutputSize { get; }

    /// <summary>Runs <paramref name="action"/> on the network (e.g. to save or copy its weights), serialized with <see cref="Score"/>.</summary>
    /// <exception cref="ObjectDisposedException">The scorer is disposed.</exception>
    public void Use(Action<TNetwork> action)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            action(_network);
        }
    }

    /// <summary>Writes the outputs of <paramref name="rows"/> images into <paramref name="outputs"/>.</summary>
    /// <param name="inputs">At least <paramref name="rows"/>·C·H·W unscaled pixel values.</param>
    /// <param name="rows">Images in the batch.</param>
    /// <param name="outputs">Receives <paramref name="rows"/>·<see cref="OutputSize"/> values.</param>
    /// <exception cref="ObjectDisposedException">The scorer is disposed.</exception>
    public void Score(float[] inputs, int rows, float[] outputs)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var scope = NewDisposeScope();
            using var inference = inference_mode();
            var input = tensor(inputs.AsMemory(0, rows * InputSize), [rows, .. _imageShape]);
            var scaled = _inputScale == 1f ? input : Scaled(input);
            Outputs(_network.forward(scaled)).data<float>().CopyTo(outputs);
        }
    }

    /// <summary><paramref name="input"/> times the input scale, its Scalar alive through the call (docs/torchsharp-pitfalls.md).</summary>
    private Tensor Scaled(Tensor input)
    {
        using var scale = _inputScale.ToScalar();
        return input.mul(scale);
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

    /// <summary>The (B, <see cref="OutputSize"/>) Float32 outputs of the network's raw outputs for a batch.</summary>
    protected abstract Tensor Outputs(Tensor networkOutput);
}
