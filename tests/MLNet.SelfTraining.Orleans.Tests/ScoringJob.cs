using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>
/// A pseudo-labeling job on the real path: a multiclass teacher fitted on labeled blobs and saved with
/// <c>mlContext.Model.Save</c>, the unlabeled rows saved as two ML.NET binary parts, and <c>job.json</c> keeping the
/// teacher's <c>Score</c>; deleted on dispose.
/// </summary>
internal sealed class ScoringJob : IDisposable
{
    private readonly MLContext _ml = new(seed: 1);
    private readonly IDataView _unlabeled;

    private ScoringJob(string folder, IDataView unlabeled, int rows, int shardCount)
    {
        Folder = folder;
        _unlabeled = unlabeled;
        Rows = rows;
        ShardCount = shardCount;
    }

    /// <summary>The number of unlabeled rows.</summary>
    public int Rows { get; }

    /// <summary>The job's number of shards.</summary>
    public int ShardCount { get; }

    public string Folder { get; }

    public string JobPath => Path.Combine(Folder, "job.json");

    private string TeacherPath => Path.Combine(Folder, "teacher.zip");

    public static ScoringJob Create(int unlabeledRows, int shardCount)
    {
        var folder = Directory.CreateTempSubdirectory("orleans-job-").FullName;
        var job = new ScoringJob(folder, new MLContext(seed: 1).Data.LoadFromEnumerable(BlobRow.Make(unlabeledRows, seed: 2)), unlabeledRows, shardCount);
        try
        {
            job.Write();
            return job;
        }
        catch
        {
            job.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Asserts the shard set is whole (every shard, every row in order) and equal to single-process scoring (the saved
    /// teacher, loaded back, over every unlabeled row), and that no temporary file was left.
    /// </summary>
    public void AssertEqualsSingleProcess(ShardSet set)
    {
        var expected = _ml.Model.Load(TeacherPath, out _).Transform(_unlabeled).GetColumn<float[]>("Score").ToArray();
        var view = set.AsDataView(_ml);
        var rows = view.GetColumn<long>(ShardJob.RowIndexColumnName).ToArray();
        var scores = view.GetColumn<float[]>("Score").ToArray();

        Assert.HasCount(ShardCount, set.Shards);
        CollectionAssert.AreEqual(Enumerable.Range(0, Rows).Select(i => (long)i).ToArray(), rows);
        Assert.HasCount(Rows, scores);
        for (int i = 0; i < Rows; i++)
        {
            CollectionAssert.AreEqual(expected[i], scores[i], $"row {i}");
        }

        Assert.HasCount(0, Directory.GetFiles(Folder, "*.tmp"), "no temporary file should be left");
    }

    /// <summary>Asserts each failure is a shard of this job failed because its silo left the cluster.</summary>
    public void AssertSiloLossFailures(IEnumerable<Exception> failures)
    {
        var expected = new Regex($"^Shard \\d of {ShardCount} of the job '{Regex.Escape(JobPath)}' failed on the Orleans cluster \\(SiloUnavailableException\\)");
        foreach (var failure in failures)
        {
            StringAssert.Matches(failure.Message, expected);
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private void Write()
    {
        var labeled = _ml.Data.LoadFromEnumerable(BlobRow.Make(150, seed: 1));
        var teacher = _ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(_ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
            .Fit(labeled);
        _ml.Model.Save(teacher, labeled.Schema, TeacherPath);

        var rows = _unlabeled.GetRowCount()!.Value;
        var inputs = new[] { (Skip: 0L, Take: rows / 3), (Skip: rows / 3, Take: rows - rows / 3) }.Select((part, i) =>
        {
            var path = Path.Combine(Folder, $"input-{i}.idv");
            using var stream = File.Create(path);
            var rest = part.Skip == 0 ? _unlabeled : _ml.Data.SkipRows(_unlabeled, part.Skip);
            _ml.Data.SaveAsBinary(_ml.Data.TakeRows(rest, part.Take), stream, keepHidden: false);
            return path;
        }).ToList();
        ShardJob.Create(Folder, TeacherPath, inputs, ["Score"], ShardCount, task: "classification").Write(JobPath);
    }
}
