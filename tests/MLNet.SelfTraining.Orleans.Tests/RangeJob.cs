using System.Globalization;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>
/// A test job for <see cref="RangeFileExecutor"/>: a folder with <c>job.txt</c> (the number of rows and how long a shard
/// takes), where shard i of n writes the row indices of its range to <c>shard-i-of-n.txt</c>.
/// </summary>
internal sealed class RangeJob : IDisposable
{
    private RangeJob(string folder) => Folder = folder;

    public string Folder { get; }

    public string JobPath => Path.Combine(Folder, "job.txt");

    public static RangeJob Create(long rows, TimeSpan shardTime)
    {
        var folder = Path.Combine(Path.GetTempPath(), "orleans-shards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var job = new RangeJob(folder);
        File.WriteAllText(job.JobPath, string.Create(CultureInfo.InvariantCulture, $"{rows} {shardTime.TotalMilliseconds}"));
        return job;
    }

    public static (long Rows, TimeSpan ShardTime) Read(string jobPath)
    {
        var fields = File.ReadAllText(jobPath).Split(' ');
        return (long.Parse(fields[0], CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(double.Parse(fields[1], CultureInfo.InvariantCulture)));
    }

    public static string CancelledMarker(string folder, int index) => Path.Combine(folder, $"cancelled-{index:D5}");

    public static string ShardFile(string folder, int index, int count) => Path.Combine(folder, $"shard-{index:D5}-of-{count:D5}.txt");

    /// <summary>Every row index written by the shards of the job, in shard order.</summary>
    public long[] ReadAllRows(int shardCount) =>
        Enumerable.Range(0, shardCount)
            .SelectMany(i => File.ReadAllLines(ShardFile(Folder, i, shardCount)))
            .Select(line => long.Parse(line, CultureInfo.InvariantCulture))
            .ToArray();

    /// <summary>The files in the folder besides the job, the shards' outputs and the markers (temporary files left half-written).</summary>
    public string[] StrayFiles(int shardCount)
    {
        var expected = Enumerable.Range(0, shardCount).Select(i => ShardFile(Folder, i, shardCount)).Append(JobPath).ToHashSet();
        return Directory.GetFiles(Folder).Where(f => !expected.Contains(f) && !Path.GetFileName(f).StartsWith("started-", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("cancelled-", StringComparison.Ordinal)).ToArray();
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
