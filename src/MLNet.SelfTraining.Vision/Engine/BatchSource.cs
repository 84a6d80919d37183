namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Prepares each training batch (sampling, then gathering and augmentation) on the training thread, right before its
/// step, and names the step and the rows when preparing it fails. Not on a worker thread: TorchSharp 0.107 frees the
/// native copy of a <c>Scalar</c> it creates from a number (as TorchVision's AutoAugment and contrast do) in the
/// finalizer, and the Scalar becomes collectable while the native call that reads it still runs; with a second thread
/// allocating, a GC in that window freed it mid-call (intermittent <c>Scalar.h toDouble</c> failures;
/// <c>docs/lab-notebook.md</c>, "Hardening, row 14").
/// </summary>
/// <typeparam name="TBatch">A batch; the consumer disposes each one it takes.</typeparam>
internal sealed class BatchSource<TBatch>
    where TBatch : class, IDisposable
{
    private const int RowsNamed = 16;

    private readonly Func<int[]> _sample;
    private readonly Func<int[], TBatch> _prepare;

    /// <param name="sample">Draws the rows of the next batch.</param>
    /// <param name="prepare">Builds the batch of those rows.</param>
    public BatchSource(Func<int[]> sample, Func<int[], TBatch> prepare)
    {
        _sample = sample;
        _prepare = prepare;
    }

    /// <summary>Samples and prepares the batch of <paramref name="step"/>.</summary>
    /// <exception cref="InvalidOperationException">Preparing the batch failed; the inner exception is the original
    /// one, the message names the step and the rows.</exception>
    public TBatch Take(int step)
    {
        var rows = _sample();
        try
        {
            return _prepare(rows);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            var named = string.Join(", ", rows.Take(RowsNamed)) + (rows.Length > RowsNamed ? $", … ({rows.Length} rows)" : "");
            throw new InvalidOperationException($"Preparing the batch of step {step} (rows {named}) failed: {e.GetType().Name}: {e.Message}", e);
        }
    }
}
