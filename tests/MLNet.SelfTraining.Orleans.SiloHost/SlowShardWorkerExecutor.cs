using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans.SiloHost;

/// <summary>
/// The core's <see cref="ShardWorker"/> after a cancellable delay (a longer shard), marking each attempt's start in the
/// job folder's <c>attempts</c> subfolder with the silo's port.
/// </summary>
public sealed class SlowShardWorkerExecutor : IShardExecutor
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly ILocalSiloDetails _silo;

    public SlowShardWorkerExecutor(ILocalSiloDetails silo) => _silo = silo;

    public static string AttemptsFolder(string jobPath) => Path.Combine(Path.GetDirectoryName(jobPath)!, "attempts");

    public async Task<ShardResult> RunAsync(ShardRequest request, CancellationToken cancellation)
    {
        var attempts = Directory.CreateDirectory(AttemptsFolder(request.JobPath)).FullName;
        await File.WriteAllTextAsync(Path.Combine(attempts, $"started-{request.ShardIndex:D5}.{_silo.SiloAddress.Endpoint.Port}.{Guid.NewGuid():N}"), "", cancellation);
        await Task.Delay(Delay, cancellation);
        return new ShardWorker().Run(request, cancellation);
    }
}
