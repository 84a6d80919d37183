namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Prepares the next training batch (sampling, gathering, augmentation) on a worker thread while the current step
/// trains. TorchSharp runs one intra-op thread by default here, so the augmentation gets the other core. Batches are
/// produced strictly one after another, in order, so seeded runs stay reproducible.
/// </summary>
/// <typeparam name="TBatch">A batch; the consumer disposes each one it takes.</typeparam>
internal sealed class BatchPrefetcher<TBatch> : IDisposable
    where TBatch : class, IDisposable
{
    private readonly Func<TBatch> _produce;
    private Task<TBatch>? _next;

    public BatchPrefetcher(Func<TBatch> produce)
    {
        _produce = produce;
    }

    /// <summary>Returns the prepared batch (preparing it now if none is ready) and starts preparing the next one.</summary>
    public TBatch Take()
    {
        var current = _next is null ? _produce() : _next.GetAwaiter().GetResult();
        _next = Task.Run(_produce);
        return current;
    }

    /// <summary>Waits for the batch being prepared and disposes it.</summary>
    public void Dispose()
    {
        if (_next is null)
        {
            return;
        }

        try
        {
            _next.GetAwaiter().GetResult().Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The batch was never going to be used; a failure to prepare it changes nothing.
        }

        _next = null;
    }
}
