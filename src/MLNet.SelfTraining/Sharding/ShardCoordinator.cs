namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// Runs the shards of a job that have no valid output through an <see cref="IShardRunner"/>, keeping
/// <see cref="IShardRunner.Concurrency"/> in flight and retrying a failed shard up to a number of attempts, then opens
/// the <see cref="ShardSet"/> from those checks. A shard the runner reports done is checked like any other before it counts.
/// </summary>
internal static class ShardCoordinator
{
    /// <summary>Completes the job at <paramref name="jobPath"/> and opens its shards.</summary>
    /// <param name="jobPath">The job file; its shards are written beside it.</param>
    /// <param name="runner">The engine that runs a shard.</param>
    /// <param name="maximumAttempts">Attempts per shard, at least 1.</param>
    /// <param name="cancellation">Stops waiting, and the workers where the engine can.</param>
    /// <exception cref="InvalidOperationException">A shard failed every attempt; the message names it and its last error.</exception>
    public static async Task<ShardSet> RunAsync(string jobPath, IShardRunner runner, int maximumAttempts, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumAttempts, 1);
        if (runner.Concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(runner), runner.Concurrency, $"{runner.GetType().Name}.{nameof(IShardRunner.Concurrency)} was expected to be at least 1; got {runner.Concurrency}.");
        }

        var job = ShardJob.Read(jobPath);
        var statuses = ShardSet.Inspect(job, jobPath).ToArray();
        var pending = statuses.Where(s => !s.IsValid).ToList();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var slots = new SemaphoreSlim(runner.Concurrency);
        var tasks = pending.Select(async shard =>
        {
            await slots.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                statuses[shard.Index] = await RunShardAsync(jobPath, job, shard, runner, maximumAttempts, failed.Token).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellation.IsCancellationRequested)
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                slots.Release();
            }
        }).ToList();

        // A shard out of attempts cancels the others; Task.WhenAll then throws its error, not their cancellations.
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return ShardSet.FromInspected(jobPath, job, statuses);
    }

    /// <returns>The shard's status once checked valid.</returns>
    private static async Task<ShardStatus> RunShardAsync(string jobPath, ShardJob job, ShardStatus shard, IShardRunner runner, int maximumAttempts, CancellationToken cancellation)
    {
        var request = new ShardRequest(jobPath, shard.Index, job.ShardCount);
        Exception? last = null;
        for (int attempt = 1; attempt <= maximumAttempts; attempt++)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                await runner.RunAsync(request, cancellation).ConfigureAwait(false);
                var status = ShardCheck.Inspect(job, jobPath, shard.Index);
                if (status.IsValid)
                {
                    return status;
                }

                last = new InvalidDataException(status.Problem ?? $"{runner.GetType().Name} reported shard {shard.Index} done, but its manifest '{ShardFiles.ManifestName(shard.Index, job.ShardCount)}' is missing.");
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested)
            {
                last = e;
            }
        }

        throw new InvalidOperationException(
            $"Shard {shard.Index} of {job.ShardCount} (rows [{shard.Start}, {shard.End})) of job '{jobPath}' failed {maximumAttempts} attempt(s) through {runner.GetType().Name}; last error: {last!.Message}", last);
    }
}
