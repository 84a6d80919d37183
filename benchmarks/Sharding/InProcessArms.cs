using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Transforms.Onnx;
using MLNet.SelfTraining.Sharding;

namespace SelfTraining.Sharding;

/// <summary>The in-process arms (<see cref="Arm"/>), each the body of a child process, over a job's teacher and inputs.</summary>
internal static class InProcessArms
{
    /// <summary>Runs arm <paramref name="kind"/> (<c>score</c>, <c>save</c>, <c>worker</c> or <c>read</c>) on the job at <paramref name="jobPath"/>.</summary>
    public static ArmResult Run(string kind, string jobPath) => kind switch
    {
        "score" => Score(jobPath),
        "save" => Save(jobPath),
        "worker" => Worker(jobPath),
        "read" => Read(jobPath),
        _ => throw new ArgumentException($"Unknown in-process arm '{kind}'; expected score, save, worker or read.", nameof(kind)),
    };

    /// <summary>Registers the assemblies of ONNX-based teachers, as the mlnet-selftraining tool does.</summary>
    public static void Configure(MLContext ml) => ml.ComponentCatalog.RegisterAssembly(typeof(OnnxTransformer).Assembly);

    /// <summary>The teacher loaded and applied to each input in turn, one cursor pass reading the job's columns.</summary>
    private static ArmResult Score(string jobPath)
    {
        var job = ShardJob.Read(jobPath);
        var ml = new MLContext(seed: 1);
        Configure(ml);
        var clock = Stopwatch.StartNew();
        var teacher = ml.Model.Load(job.TeacherPath(jobPath), out _);
        long rows = JobFolder.Inputs(job, jobPath).Sum(input => CursorPass.Run(teacher.Transform(ml.Data.LoadFromBinary(input)), job.Columns));
        var seconds = clock.Elapsed.TotalSeconds;
        (teacher as IDisposable)?.Dispose();
        return new ArmResult(Arm.Score.Name, 0, seconds, rows, 0);
    }

    /// <summary>The teacher's output of each input, the job's columns kept, written beside the job with <c>SaveAsBinary</c>: ML.NET's writer without the shard's bookkeeping.</summary>
    private static ArmResult Save(string jobPath)
    {
        var job = ShardJob.Read(jobPath);
        var ml = new MLContext(seed: 1);
        Configure(ml);
        var folder = Path.GetDirectoryName(Path.GetFullPath(jobPath))!;
        var clock = Stopwatch.StartNew();
        var teacher = ml.Model.Load(job.TeacherPath(jobPath), out _);
        var files = new List<string>();
        foreach (var input in JobFolder.Inputs(job, jobPath))
        {
            var scored = teacher.Transform(ml.Data.LoadFromBinary(input));
            var kept = ml.Transforms.SelectColumns([.. job.Columns], keepHidden: false).Fit(scored).Transform(scored);
            files.Add(Path.Combine(folder, $"saved-{files.Count:D3}.idv"));
            using var stream = File.Create(files[^1]);
            ml.Data.SaveAsBinary(kept, stream, keepHidden: false);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        (teacher as IDisposable)?.Dispose();
        return new ArmResult(Arm.Save.Name, 0, seconds, files.Sum(f => ml.Data.LoadFromBinary(f).GetRowCount() ?? 0), files.Sum(f => new FileInfo(f).Length));
    }

    /// <summary>The job's only shard scored and written by <c>ShardWorker.Run</c> (the job must have one shard).</summary>
    private static ArmResult Worker(string jobPath)
    {
        var clock = Stopwatch.StartNew();
        var result = new ShardWorker(Configure).Run(new ShardRequest(jobPath, 0, 1), CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        return new ArmResult(Arm.Worker.Name, 0, seconds, result.RowsWritten, new FileInfo(result.ShardFile).Length);
    }

    /// <summary>The job's shards opened (every check, SHA-256 included) and read in one pass over every column.</summary>
    private static ArmResult Read(string jobPath)
    {
        var ml = new MLContext(seed: 1);
        var clock = Stopwatch.StartNew();
        var set = ShardSet.Open(jobPath);
        long rows = CursorPass.Run(set.AsDataView(ml), [ShardJob.RowIndexColumnName, .. set.Job.Columns]);
        var seconds = clock.Elapsed.TotalSeconds;
        return new ArmResult(Arm.Read.Name, 0, seconds, rows, set.Shards.Sum(s => s.Bytes));
    }
}
