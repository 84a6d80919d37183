using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// An exponential moving average of a module's parameters over training (Polyak averaging, as EfficientNet/Noisy Student
/// and FixMatch evaluate with): after each step <c>θ̄ ← d·θ̄ + (1−d)·θ</c>, with the decay warmed up as
/// <c>d = min(decay, (1+t)/(10+t))</c> so short runs are not dominated by the initial weights. <see cref="CopyTo"/> writes the
/// averages into the module at the end; buffers (batch-norm statistics) are taken as they are then. <see cref="Snapshot"/>
/// writes them into a second module of the same shape during training (a mean teacher).
/// </summary>
internal sealed class WeightAverage : IDisposable
{
    private readonly double _decay;
    private readonly Tensor[] _averages;
    private long _updates;

    /// <param name="module">The module being trained; its current parameters start the averages.</param>
    /// <param name="decay">The largest decay, in [0, 1).</param>
    public WeightAverage(nn.Module module, double decay)
    {
        _decay = decay;
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            _averages = module.parameters().Select(p => p.detach().clone().DetachFromDisposeScope()).ToArray();
        }
    }

    /// <summary>Folds the module's current parameters into the averages (call after each optimizer step).</summary>
    public void Update(nn.Module module)
    {
        var decay = Math.Min(_decay, (1.0 + _updates) / (10.0 + _updates));
        using var averageWeight = decay.ToScalar();
        using var parameterWeight = (1 - decay).ToScalar();
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            var i = 0;
            foreach (var parameter in module.parameters())
            {
                _averages[i++].mul_(averageWeight).add_(parameter, alpha: parameterWeight);
            }
        }
        _updates++;
    }

    /// <summary>Replaces the module's parameters by the averages.</summary>
    public void CopyTo(nn.Module module)
    {
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            var i = 0;
            foreach (var parameter in module.parameters())
            {
                parameter.copy_(_averages[i++]);
            }
        }
    }

    /// <summary>
    /// Writes the averages into <paramref name="target"/>'s parameters and <paramref name="source"/>'s current buffers
    /// (batch-norm statistics) into its buffers: <paramref name="target"/> becomes the averaged model.
    /// </summary>
    /// <param name="source">The module being trained (the one the averages follow).</param>
    /// <param name="target">A module of the same architecture.</param>
    public void Snapshot(nn.Module source, nn.Module target)
    {
        CopyTo(target);
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            foreach (var (from, to) in source.buffers().Zip(target.buffers()))
            {
                to.copy_(from);
            }
        }
    }

    public void Dispose()
    {
        foreach (var average in _averages)
        {
            average.Dispose();
        }
    }
}
