namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Learning-rate schedule: linear warmup from <c>peak/warmupSteps</c> to <c>peak</c> over the first steps, then cosine
/// decay to zero at the last step.
/// </summary>
internal sealed class WarmupCosineSchedule
{
    private readonly double _peak;
    private readonly int _warmupSteps;
    private readonly int _totalSteps;

    public WarmupCosineSchedule(double peakLearningRate, int warmupSteps, int totalSteps)
    {
        _peak = peakLearningRate;
        _warmupSteps = Math.Clamp(warmupSteps, 0, totalSteps);
        _totalSteps = totalSteps;
    }

    /// <summary>The learning rate of the zero-based <paramref name="step"/>.</summary>
    public double LearningRate(int step)
    {
        if (step < _warmupSteps)
        {
            return _peak * (step + 1) / _warmupSteps;
        }

        var decaySteps = _totalSteps - _warmupSteps;
        if (decaySteps <= 0)
        {
            return _peak;
        }

        var progress = (double)(step - _warmupSteps) / decaySteps;
        return _peak * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
