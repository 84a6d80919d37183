using MLNet.SelfTraining.Sharding;

namespace SelfTraining.Sharding;

/// <summary>A fresh job folder per measurement: <c>job.json</c> over the workload's teacher and inputs (absolute paths), no shards yet.</summary>
internal static class JobFolder
{
    /// <summary>Empties (or creates) <paramref name="folder"/> and writes a job of <paramref name="shards"/> shards into it.</summary>
    /// <returns>The job file.</returns>
    public static string Plan(Workload workload, string folder, int shards)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var job = ShardJob.Create(folder, workload.TeacherPath, workload.Inputs, workload.Columns, shards, workload.Task);
        var path = Path.Combine(folder, "job.json");
        job.Write(path);
        return path;
    }

    /// <summary>The input files of a job, resolved against its folder.</summary>
    public static IReadOnlyList<string> Inputs(ShardJob job, string jobPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(jobPath))!;
        return [.. job.Inputs.Select(i => Path.GetFullPath(Path.Combine(folder, i.Path)))];
    }

    /// <summary>The bytes of the job's shard data files, after checking every shard (<c>ShardSet.Open</c>).</summary>
    public static long ShardBytes(string jobPath) => ShardSet.Open(jobPath).Shards.Sum(s => s.Bytes);
}
