using System.Diagnostics;
using System.Globalization;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>
/// The silo's shard work in these tests: marks the start (<c>started-i-of-n.port</c>, the silo's port), waits the job's
/// shard time (a cancellation seen here leaves <c>cancelled-i</c>), then writes the shard's row indices with the core's atomic write
/// (<see cref="ShardFiles.WriteAtomically"/>, as the real worker does).
/// </summary>
internal sealed class RangeFileExecutor : IShardExecutor
{
    private readonly ILocalSiloDetails _silo;

    public RangeFileExecutor(ILocalSiloDetails silo) => _silo = silo;

    public async Task<ShardResult> RunAsync(ShardRequest request, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var folder = Path.GetDirectoryName(request.JobPath)!;
        var (rows, shardTime) = RangeJob.Read(request.JobPath);
        var started = Path.Combine(folder, $"started-{request.ShardIndex:D5}-of-{request.ShardCount:D5}.{_silo.SiloAddress.Endpoint.Port}.{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(started, "", cancellation);
        try
        {
            await Task.Delay(shardTime, cancellation);
        }
        catch (OperationCanceledException)
        {
            File.WriteAllText(RangeJob.CancelledMarker(folder, request.ShardIndex), "");
            throw;
        }

        var start = request.ShardIndex * rows / request.ShardCount;
        var end = (request.ShardIndex + 1) * rows / request.ShardCount;
        var output = RangeJob.ShardFile(folder, request.ShardIndex, request.ShardCount);
        ShardFiles.WriteAtomically(output, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            for (var row = start; row < end; row++)
            {
                writer.WriteLine(row.ToString(CultureInfo.InvariantCulture));
            }
        });
        return new ShardResult(output, end - start, 0, Reused: false, clock.Elapsed);
    }
}
