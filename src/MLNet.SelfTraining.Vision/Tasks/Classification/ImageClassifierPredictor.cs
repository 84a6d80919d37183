using MLNet.SelfTraining.Vision.Scoring;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// Batched, thread-safe inference with a trained network: eval mode, inference mode, one forward pass per call, softmax
/// probabilities out. Calls from several cursor threads are serialized on the module.
/// </summary>
internal sealed class ImageClassifierPredictor : IBatchScorer, IDisposable
{
    private readonly object _sync = new();
    private readonly ClassifierNetwork _network;
    private readonly float _inputScale;

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
    public void Use(Action<ClassifierNetwork> action)
    {
        lock (_sync)
        {
            action(_network);
        }
    }

    /// <summary>Writes the class probabilities of <paramref name="rows"/> images into <paramref name="outputs"/>.</summary>
    /// <param name="inputs">At least <paramref name="rows"/>·C·H·W unscaled pixel values.</param>
    /// <param name="rows">Images in the batch.</param>
    /// <param name="outputs">Receives <paramref name="rows"/>·K probabilities.</param>
    public void Score(float[] inputs, int rows, float[] outputs)
    {
        lock (_sync)
        {
            using var scope = NewDisposeScope();
            using var inference = inference_mode();
            var input = tensor(inputs.AsMemory(0, rows * InputSize), [rows, Spec.Channels, Spec.ImageHeight, Spec.ImageWidth]);
            var scaled = _inputScale == 1f ? input : input.mul(_inputScale);
            var result = nn.functional.softmax(_network.forward(scaled), 1);   // (B, K)
            result.data<float>().CopyTo(outputs);
        }
    }

    public void Dispose() => _network.Dispose();
}
