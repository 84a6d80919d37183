using Microsoft.ML;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

public sealed partial class TorchImageClassifierTrainer : IWarmStartStudent
{
    private TorchImageClassifierTransformer? _startFrom;

    /// <summary>
    /// Makes this trainer's fits start from the weights of the last <see cref="TorchImageClassifierTransformer"/> in
    /// <paramref name="teacher"/> (searched through nested transformer chains), in place of
    /// <see cref="Options.InitialModel"/>, until the returned scope is disposed. The self-training estimator calls it
    /// with <see cref="SelfTrainingOptions.InitializeStudentFromTeacher"/>; the network must match this trainer's (checked
    /// at fit, as for <see cref="Options.InitialModel"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="teacher"/> holds no <see cref="TorchImageClassifierTransformer"/>.</exception>
    public IDisposable StartFrom(ITransformer teacher)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var model = FindClassifier(teacher) ?? throw new ArgumentException(
            $"The model to start from was expected to contain a {nameof(TorchImageClassifierTransformer)}; got a {teacher.GetType().Name} without one.",
            nameof(teacher));
        var previous = _startFrom;
        _startFrom = model;
        return new StartScope(this, previous);
    }

    private static TorchImageClassifierTransformer? FindClassifier(ITransformer transformer) => transformer switch
    {
        TorchImageClassifierTransformer classifier => classifier,
        IEnumerable<ITransformer> chain => chain.Reverse().Select(FindClassifier).FirstOrDefault(found => found is not null),
        _ => null,
    };

    private sealed class StartScope(TorchImageClassifierTrainer trainer, TorchImageClassifierTransformer? previous) : IDisposable
    {
        public void Dispose() => trainer._startFrom = previous;
    }
}
