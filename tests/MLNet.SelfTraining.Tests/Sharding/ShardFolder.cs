using Microsoft.ML;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>
/// A job folder for shard tests: the unlabeled rows saved as ML.NET binary parts, the teacher saved with
/// <c>mlContext.Model.Save</c>, and <c>job.json</c>; deleted on dispose.
/// </summary>
internal sealed class ShardFolder : IDisposable
{
    private ShardFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public string JobPath => System.IO.Path.Combine(Path, "job.json");

    public string TeacherPath => System.IO.Path.Combine(Path, "teacher.zip");

    public ShardJob Job => ShardJob.Read(JobPath);

    /// <summary>
    /// Saves <paramref name="rows"/> as parts of <paramref name="partRows"/> rows each (the last takes the rest), saves
    /// <paramref name="teacher"/>, and writes a job of <paramref name="shardCount"/> shards keeping <paramref name="columns"/>.
    /// </summary>
    public static ShardFolder Create(MLContext ml, IDataView rows, ITransformer teacher, IReadOnlyList<string> columns, int shardCount, params long[] partRows)
    {
        var folder = new ShardFolder(Directory.CreateTempSubdirectory("shards-").FullName);
        long total = rows.GetRowCount() ?? throw new ArgumentException("Rows with a count expected.", nameof(rows));
        var inputs = new List<string>();
        long taken = 0;
        foreach (var count in partRows.Append(total - partRows.Sum()))
        {
            var path = System.IO.Path.Combine(folder.Path, $"input-{inputs.Count}.idv");
            using (var stream = File.Create(path))
            {
                ml.Data.SaveAsBinary(ml.Data.TakeRows(taken == 0 ? rows : ml.Data.SkipRows(rows, taken), count), stream, keepHidden: false);
            }

            inputs.Add(path);
            taken += count;
        }

        folder.SaveTeacher(ml, teacher, rows.Schema);
        folder.WriteJob(columns, shardCount);
        return folder;
    }

    public void SaveTeacher(MLContext ml, ITransformer teacher, DataViewSchema inputSchema) => ml.Model.Save(teacher, inputSchema, TeacherPath);

    /// <summary>Writes <c>job.json</c> over the folder's inputs and teacher.</summary>
    public ShardJob WriteJob(IReadOnlyList<string> columns, int shardCount, string? skipRows = null)
    {
        var inputs = Directory.GetFiles(Path, "input-*.idv").Order().ToList();
        var job = ShardJob.Create(Path, TeacherPath, inputs, columns, shardCount, skipRowsPath: skipRows);
        job.Write(JobPath);
        return job;
    }

    /// <summary>Runs every shard with <paramref name="worker"/>.</summary>
    public List<ShardResult> RunAll(ShardWorker? worker = null)
    {
        var job = Job;
        return Enumerable.Range(0, job.ShardCount).Select(i => Run(i, worker)).ToList();
    }

    public ShardResult Run(int index, ShardWorker? worker = null)
        => (worker ?? new ShardWorker()).Run(new ShardRequest(JobPath, index, Job.ShardCount), CancellationToken.None);

    public string DataFile(int index) => System.IO.Path.Combine(Path, $"shard-{index:D5}-of-{Job.ShardCount:D5}.idv");

    public string ManifestFile(int index) => System.IO.Path.Combine(Path, $"shard-{index:D5}-of-{Job.ShardCount:D5}.json");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
