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

    private ScoringJob(string folder, IDataView unlabeled)
    {
        Folder = folder;
        _unlabeled = unlabeled;
    }

    public string Folder { get; }

    public string JobPath => Path.Combine(Folder, "job.json");

    private string TeacherPath => Path.Combine(Folder, "teacher.zip");

    public static ScoringJob Create(int unlabeledRows, int shardCount)
    {
        var folder = Directory.CreateTempSubdirectory("orleans-job-").FullName;
        var job = new ScoringJob(folder, new MLContext(seed: 1).Data.LoadFromEnumerable(BlobRow.Make(unlabeledRows, seed: 2)));
        try
        {
            job.Write(shardCount);
            return job;
        }
        catch
        {
            job.Dispose();
            throw;
        }
    }

    /// <summary>The single-process reference: the saved teacher, loaded back, over every unlabeled row.</summary>
    public float[][] SingleProcessScores()
    {
        var teacher = _ml.Model.Load(TeacherPath, out _);
        return teacher.Transform(_unlabeled).GetColumn<float[]>("Score").ToArray();
    }

    /// <summary>The shard set's rows: their global indices and scores, in the set's order.</summary>
    public (long[] Rows, float[][] Scores) ShardSetScores(ShardSet set)
    {
        var view = set.AsDataView(_ml);
        return (view.GetColumn<long>(ShardJob.RowIndexColumnName).ToArray(), view.GetColumn<float[]>("Score").ToArray());
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private void Write(int shardCount)
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
        ShardJob.Create(Folder, TeacherPath, inputs, ["Score"], shardCount, task: "classification").Write(JobPath);
    }
}
