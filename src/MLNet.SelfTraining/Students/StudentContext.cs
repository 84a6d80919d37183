using MLNet.SelfTraining.Training;

namespace MLNet.SelfTraining.Students;

/// <summary>
/// The self-training run a student pipeline is being inspected or fitted in. The self-training estimator makes it
/// <see cref="Current"/> while it asks the student pipeline for its output schema and while it fits the student, so a
/// student trainer anywhere in the pipeline (after other estimators, before <c>MapKeyToValue</c>, inside nested chains)
/// can make itself known and read the run's settings.
/// </summary>
/// <remarks>
/// A trainer that implements <see cref="IPseudoLabelConsumer"/> calls <see cref="Register"/> from its
/// <c>GetOutputSchema</c> and its <c>Fit</c>. In <c>Fit</c>, a non-null <see cref="Current"/> means the trainer is being
/// trained as a self-training student: it must then find its pseudo-label flag column in its input (or throw), weigh the
/// pseudo-labeled part of its loss by <see cref="PseudoLabelWeight"/>, and stop when <see cref="CancellationToken"/> is
/// cancelled. A student that trains in steps reports them with <see cref="ReportTrainingSteps"/> (the run passes them
/// on to <see cref="SelfTrainingOptions.Progress"/>). The context flows with the calling thread's execution context (it
/// is an <see cref="AsyncLocal{T}"/>).
/// </remarks>
public sealed class StudentContext
{
    private static readonly AsyncLocal<StudentContext?> s_current = new();
    private readonly List<IPseudoLabelConsumer> _consumers = [];
    private readonly RunProgress? _progress;

    internal StudentContext(double pseudoLabelWeight, CancellationToken cancellationToken, RunProgress? progress = null)
    {
        PseudoLabelWeight = pseudoLabelWeight;
        CancellationToken = cancellationToken;
        _progress = progress;
    }

    /// <summary>The run the calling code is part of, or <see langword="null"/> outside self-training.</summary>
    public static StudentContext? Current => s_current.Value;

    /// <summary>α, the weight of the pseudo-labeled part of the student's objective (<see cref="SelfTrainingOptions.PseudoLabelWeight"/>).</summary>
    public double PseudoLabelWeight { get; }

    /// <summary>The run's cancellation token (<see cref="SelfTrainingOptions.CancellationToken"/>); a student stops within a step when it is cancelled.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The consumers that registered, in the order they did (each once).</summary>
    internal IReadOnlyList<IPseudoLabelConsumer> Consumers => _consumers;

    /// <summary>Makes <paramref name="consumer"/> known to the run as the student that reads pseudo-label columns.</summary>
    /// <param name="consumer">The trainer; registering it again has no effect.</param>
    public void Register(IPseudoLabelConsumer consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_consumers)
        {
            if (!_consumers.Contains(consumer))
            {
                _consumers.Add(consumer);
            }
        }
    }

    /// <summary>
    /// Reports that the student has done <paramref name="completed"/> of its <paramref name="total"/> training steps; the
    /// run passes it on to <see cref="SelfTrainingOptions.Progress"/> as a <see cref="SelfTrainingStage.StudentTraining"/>
    /// report of the current round. Call it from the thread that fits, after each step (or as often as suits the
    /// trainer); it does nothing when the run has no progress callback.
    /// </summary>
    /// <param name="completed">Steps done, from 1.</param>
    /// <param name="total">Steps of the whole fit.</param>
    public void ReportTrainingSteps(long completed, long total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(completed);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, completed);
        _progress?.Report(SelfTrainingStage.StudentTraining, completed, total);
    }

    /// <summary>Makes this context <see cref="Current"/> until the returned scope is disposed.</summary>
    internal IDisposable Enter()
    {
        var previous = s_current.Value;
        s_current.Value = this;
        return new Scope(previous);
    }

    private sealed class Scope(StudentContext? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                s_current.Value = previous;
                _disposed = true;
            }
        }
    }
}
