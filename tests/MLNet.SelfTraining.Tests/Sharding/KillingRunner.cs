using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>
/// Local worker processes that count the attempts at each shard, except that the first attempt at
/// <paramref name="victim"/> (if any) is killed (its process tree, through cancellation) as soon as its temporary data
/// file appears — mid-shard, before anything is committed.
/// </summary>
internal sealed class KillingRunner(LocalProcessShardRunner inner, int? victim = null) : IShardRunner
{
    public int Concurrency => inner.Concurrency;

    /// <summary>Attempts per shard.</summary>
    public Dictionary<int, int> Attempts { get; } = [];

    /// <summary>The temporary file the killed worker was writing, and whether the shard's manifest existed when it was killed.</summary>
    public (string File, bool ManifestExisted)? Killed { get; private set; }

    public async Task RunAsync(ShardRequest request, CancellationToken cancellation)
    {
        int attempt;
        lock (Attempts)
        {
            attempt = Attempts[request.ShardIndex] = Attempts.GetValueOrDefault(request.ShardIndex) + 1;
        }

        if (request.ShardIndex != victim || attempt > 1)
        {
            await inner.RunAsync(request, cancellation);
            return;
        }

        using var kill = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var folder = Path.GetDirectoryName(request.JobPath)!;
        var pattern = $".shard-{request.ShardIndex:D5}-of-{request.ShardCount:D5}.idv.*.tmp";
        var watch = Task.Run(async () =>
        {
            while (!kill.IsCancellationRequested)
            {
                if (Directory.GetFiles(folder, pattern).FirstOrDefault() is { } file)
                {
                    Killed = (file, File.Exists(Path.Combine(folder, $"shard-{request.ShardIndex:D5}-of-{request.ShardCount:D5}.json")));
                    await kill.CancelAsync();
                    return;
                }

                await Task.Delay(2);
            }
        });
        try
        {
            await inner.RunAsync(request, kill.Token);
        }
        finally
        {
            await kill.CancelAsync();
            await watch;
        }
    }
}
