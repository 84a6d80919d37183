using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>
/// Runs every shard of a job through a runner, <see cref="IShardRunner.Concurrency"/> at a time, retrying a failed call
/// up to a number of attempts: what the core's coordinator does for a round.
/// </summary>
internal static class ShardRetryLoop
{
    public static async Task<ShardLoopResult> RunAsync(OrleansShardRunner runner, string jobPath, int shardCount, int maximumAttempts, CancellationToken cancellation)
    {
        var result = new ShardLoopResult();
        using var slots = new SemaphoreSlim(runner.Concurrency);
        await Task.WhenAll(Enumerable.Range(0, shardCount).Select(async index =>
        {
            await slots.WaitAsync(cancellation);
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        result.Add(await runner.RunShardAsync(new ShardRequest(jobPath, index, shardCount), cancellation));
                        return;
                    }
                    catch (Exception e) when (e is not OperationCanceledException && attempt < maximumAttempts)
                    {
                        result.Add(e);
                    }
                }
            }
            finally
            {
                slots.Release();
            }
        }));
        return result;
    }
}
