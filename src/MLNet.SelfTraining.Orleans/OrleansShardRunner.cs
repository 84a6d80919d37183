using System.Security.Cryptography;
using System.Text;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans;

/// <summary>
/// Runs pseudo-labeling shards on an Orleans cluster: each <see cref="RunAsync"/> calls a new
/// <see cref="IPseudoLabelShardGrain"/> (key: a hash of the job path, the shard, and a fresh GUID), which Orleans places
/// on the silo with the fewest recently active grains; the silo's <see cref="IShardExecutor"/> (see
/// <c>AddSelfTrainingShardWorker</c>) writes the shard next to the job. A call that fails — the silo left the cluster
/// (<see cref="SiloUnavailableException"/>), a rejected message, the worker's own error — or that outlives
/// <see cref="ShardTimeout"/> throws an exception naming the shard; the coordinator's retry then calls a fresh grain,
/// which Orleans places on a silo that is alive.
/// </summary>
public sealed class OrleansShardRunner : IShardRunner
{
    /// <summary>The default <see cref="ShardTimeout"/>: one hour.</summary>
    public static readonly TimeSpan DefaultShardTimeout = TimeSpan.FromHours(1);

    /// <summary>The longest <see cref="ShardTimeout"/>: the grain method's Orleans response timeout, one day.</summary>
    public static readonly TimeSpan MaximumShardTimeout = TimeSpan.FromDays(1);

    /// <summary>The default <see cref="SiloCheckInterval"/>: two seconds.</summary>
    public static readonly TimeSpan DefaultSiloCheckInterval = TimeSpan.FromSeconds(2);

    private readonly IGrainFactory _grains;

    /// <summary>Creates a runner over a cluster client (or a silo's grain factory).</summary>
    /// <param name="grainFactory">The cluster's grain factory, e.g. an <c>IClusterClient</c>.</param>
    /// <param name="concurrency">
    /// Shards kept in flight: the number of silos hosting the worker times the shards each silo should score at once
    /// (1 per silo is the documented default: <see cref="ForActiveSilosAsync"/>).
    /// </param>
    /// <param name="shardTimeout">
    /// How long one shard call may take before it is cancelled and reported as failed (so retried); default
    /// <see cref="DefaultShardTimeout"/>, at most <see cref="MaximumShardTimeout"/>.
    /// </param>
    /// <param name="siloCheckInterval">
    /// How often the membership status of the silo running a shard is checked; default
    /// <see cref="DefaultSiloCheckInterval"/>.
    /// </param>
    public OrleansShardRunner(IGrainFactory grainFactory, int concurrency, TimeSpan? shardTimeout = null, TimeSpan? siloCheckInterval = null)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        if (concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(concurrency), concurrency, $"{nameof(concurrency)} must be at least 1 (shards in flight on the cluster); got {concurrency}.");
        }

        var timeout = shardTimeout ?? DefaultShardTimeout;
        if (timeout <= TimeSpan.Zero || timeout > MaximumShardTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(shardTimeout), timeout, $"{nameof(shardTimeout)} must be positive and at most {MaximumShardTimeout} (the grain method's Orleans response timeout); got {timeout}.");
        }

        var interval = siloCheckInterval ?? DefaultSiloCheckInterval;
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(siloCheckInterval), interval, $"{nameof(siloCheckInterval)} must be positive; got {interval}.");
        }

        _grains = grainFactory;
        Concurrency = concurrency;
        ShardTimeout = timeout;
        SiloCheckInterval = interval;
    }

    /// <inheritdoc />
    public int Concurrency { get; }

    /// <summary>How long one shard call may take before it is cancelled and reported as failed.</summary>
    public TimeSpan ShardTimeout { get; }

    /// <summary>
    /// How often the membership status of the silo running a shard is checked: a shard whose silo is declared dead
    /// fails then, not at <see cref="ShardTimeout"/>.
    /// </summary>
    public TimeSpan SiloCheckInterval { get; }

    /// <summary>
    /// Creates a runner whose <see cref="Concurrency"/> is the number of active silos times
    /// <paramref name="shardsPerSilo"/> (every active silo is assumed to host the shard worker).
    /// </summary>
    /// <param name="grainFactory">The cluster's grain factory, e.g. an <c>IClusterClient</c>.</param>
    /// <param name="shardsPerSilo">Shards each silo scores at once; default 1.</param>
    /// <param name="shardTimeout">See the constructor.</param>
    /// <param name="siloCheckInterval">See the constructor.</param>
    /// <returns>The runner.</returns>
    public static async Task<OrleansShardRunner> ForActiveSilosAsync(IGrainFactory grainFactory, int shardsPerSilo = 1, TimeSpan? shardTimeout = null, TimeSpan? siloCheckInterval = null)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        if (shardsPerSilo < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(shardsPerSilo), shardsPerSilo, $"{nameof(shardsPerSilo)} must be at least 1; got {shardsPerSilo}.");
        }

        var hosts = await grainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return new OrleansShardRunner(grainFactory, Math.Max(1, hosts.Count) * shardsPerSilo, shardTimeout, siloCheckInterval);
    }

    /// <inheritdoc />
    public Task RunAsync(ShardRequest request, CancellationToken cancellation) => RunShardAsync(request, cancellation);

    /// <summary>Runs one shard like <see cref="RunAsync"/> and returns the silo's report.</summary>
    /// <param name="request">The shard; a relative job path is made absolute here, on the caller's machine.</param>
    /// <param name="cancellation">Stops waiting and cancels the call on the silo.</param>
    /// <returns>Which silo ran the shard and what it wrote.</returns>
    public async Task<ShardReport> RunShardAsync(ShardRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.JobPath))
        {
            throw new ArgumentException($"{nameof(request)}.{nameof(ShardRequest.JobPath)} must name the job manifest; got an empty path.", nameof(request));
        }

        if (request.ShardCount < 1 || request.ShardIndex < 0 || request.ShardIndex >= request.ShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request, $"Expected a shard index from 0 to {nameof(ShardRequest.ShardCount)} − 1 and a count of at least 1; got shard {request.ShardIndex} of {request.ShardCount}.");
        }

        cancellation.ThrowIfCancellationRequested();
        var shard = request with { JobPath = Path.GetFullPath(request.JobPath) };
        var grain = _grains.GetGrain<IPseudoLabelShardGrain>(GrainKey(shard));
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        call.CancelAfter(ShardTimeout);
        try
        {
            var silo = await grain.GetSiloAsync().WaitAsync(call.Token);
            var run = grain.RunAsync(shard, call.Token);
            while (!run.IsCompleted && !call.IsCancellationRequested)
            {
                await Task.WhenAny(run, Task.Delay(SiloCheckInterval, call.Token));
                if (!run.IsCompleted && await HasLeftAsync(silo))
                {
                    throw new SiloUnavailableException($"the silo {silo} running it left the cluster (declared dead)");
                }
            }

            return await run.WaitAsync(call.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e) when (call.IsCancellationRequested)
        {
            throw new TimeoutException($"{Describe(shard)} did not finish within {ShardTimeout} on the Orleans cluster; the call was cancelled.", e);
        }
        catch (Exception e)
        {
            await call.CancelAsync();
            throw new InvalidOperationException($"{Describe(shard)} failed on the Orleans cluster ({e.GetType().Name}): {e.Message}", e);
        }
    }

    /// <summary>
    /// True when the membership declares the silo dead (or has forgotten it). A silo shutting down gracefully still
    /// counts as present: it lets its calls in flight finish. A failed status query is not a verdict.
    /// </summary>
    private async Task<bool> HasLeftAsync(SiloAddress silo)
    {
        Dictionary<SiloAddress, SiloStatus> hosts;
        try
        {
            hosts = await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }

        return !hosts.TryGetValue(silo, out var status) || status == SiloStatus.Dead;
    }

    private static string Describe(ShardRequest shard) =>
        $"Shard {shard.ShardIndex} of {shard.ShardCount} of the job '{shard.JobPath}'";

    /// <summary>A new grain per call: a retry is placed afresh instead of following an activation on a dead silo.</summary>
    private static string GrainKey(ShardRequest shard)
    {
        var job = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(shard.JobPath)).AsSpan(0, 8)).ToLowerInvariant();
        return $"{job}/shard-{shard.ShardIndex:D5}-of-{shard.ShardCount:D5}/{Guid.NewGuid():N}";
    }
}
