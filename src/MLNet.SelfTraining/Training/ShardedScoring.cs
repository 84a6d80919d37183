using Microsoft.ML;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// A round's scoring in shards (<see cref="SelfTrainingOptions.Sharding"/>): the unlabeled rows as the teacher sees
/// them are saved once per fit, a file per shard; per round the teacher is saved, a job (with a skip bitmap for rows not re-scored) is
/// written to a folder of its own, the coordinator has the runner score the shards, and the shards are visited as the
/// in-process teacher's output would be. The round's folder is deleted once visited; the fit's folder on dispose.
/// </summary>
internal sealed class ShardedScoring : ITeacherScoring
{
    private readonly MLContext _mlContext;
    private readonly ShardingOptions _options;
    private readonly IShardRunner _runner;
    private readonly IDataView _scoringView;
    private readonly string _taskName;
    private readonly double? _threshold;
    private readonly SpillFolder? _private;
    private readonly string _folder;
    private readonly long _rows;
    private readonly int _shardCount;
    private readonly List<string> _inputs = [];

    /// <param name="mlContext">Saves the rows and teachers, and reads the shards.</param>
    /// <param name="options">The sharding options (validated).</param>
    /// <param name="scoringView">Every unlabeled row as the teacher scores it, with its row index.</param>
    /// <param name="rows">The number of unlabeled rows.</param>
    /// <param name="taskName">The task, written into each job.</param>
    /// <param name="threshold">The selection threshold, written into each job.</param>
    public ShardedScoring(MLContext mlContext, ShardingOptions options, IDataView scoringView, long rows, string taskName, double? threshold)
    {
        _mlContext = mlContext;
        _options = options;
        _runner = options.Runner ?? new LocalProcessShardRunner(ShardingOptions.DefaultWorkers);
        _scoringView = scoringView;
        _rows = rows;
        _shardCount = options.ShardCount ?? 2 * _runner.Concurrency;
        _taskName = taskName;
        _threshold = threshold;
        if (options.WorkingFolder is { } working)
        {
            _folder = Path.Combine(working, $"mlnet-selftraining-shards-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_folder);
        }
        else
        {
            _private = new SpillFolder(mlContext.TempFilePath);
            _folder = _private.CreateFolder();
        }
    }

    public void Score(ITransformer model, int round, Func<long, bool> keepRow, Func<DataViewSchema, IEnumerable<DataViewSchema.Column>> columns,
        Func<DataViewRow, Action<long>> makeVisitor, CancellationToken cancellation)
    {
        var inputs = SaveRowsOnce();
        var folder = Path.Combine(_folder, $"round-{round:D3}");
        Directory.CreateDirectory(folder);
        try
        {
            var teacher = Path.Combine(folder, "teacher.zip");
            SaveTeacher(model, round, teacher);
            var skipPath = Path.Combine(folder, "skip.bin");
            var skip = SkipBitmap.WriteIfAny(skipPath, _rows, row => !keepRow(row)) ? skipPath : null;

            var names = columns(model.GetOutputSchema(_scoringView.Schema)).Select(c => c.Name).ToList();
            var job = ShardJob.Create(folder, teacher, inputs, names, _shardCount, _taskName, _threshold, skip);
            var jobPath = Path.Combine(folder, "job.json");
            job.Write(jobPath);
            var shards = Task.Run(() => ShardCoordinator.RunAsync(jobPath, _runner, _options.MaximumAttempts, cancellation), cancellation).GetAwaiter().GetResult();
            var scored = shards.AsDataView(_mlContext, cancellation);
            var indexed = _mlContext.Transforms.CopyColumns(ColumnPlan.RowIndexColumnName, ShardJob.RowIndexColumnName).Fit(scored).Transform(scored);
            TeacherPass.Visit(indexed, columns, makeVisitor, cancellation);
        }
        finally
        {
            Delete(folder);
        }
    }

    /// <summary>Deletes the fit's folder.</summary>
    public void Dispose()
    {
        if (_private is not null)
        {
            _private.Dispose();
        }
        else
        {
            Delete(_folder);
        }
    }

    /// <summary>
    /// Saves the rows once per fit as one file per shard (<c>unlabeled-{i:D5}.idv</c>, shard i's rows), so a worker
    /// reads its own file and skips nothing in any round. Each file is one pass over the rows up to its last: ML.NET's
    /// binary saver reads its input twice (an estimate of the block size, then the rows), so the files cannot share one cursor.
    /// </summary>
    private List<string> SaveRowsOnce()
    {
        if (_inputs.Count > 0)
        {
            return _inputs;
        }

        for (int i = 0; i < _shardCount; i++)
        {
            var (start, end) = (Boundary(i), Boundary(i + 1));
            var path = Path.Combine(_folder, $"unlabeled-{i:D5}.idv");
            var rows = end > start
                ? _mlContext.Data.TakeRows(new AugmentedDataView(_scoringView, null, [], row => row >= start), end - start)
                : new EmptyDataView(_scoringView.Schema);
            ShardFiles.WriteAtomically(path, stream => _mlContext.Data.SaveAsBinary(rows, stream, keepHidden: false));
            var loaded = _mlContext.Data.LoadFromBinary(path);
            Spill.CheckStored(_scoringView, loaded, "sharded scoring saves the unlabeled rows to for its workers");
            if (loaded.GetRowCount() != end - start)
            {
                throw new InvalidOperationException($"The unlabeled rows were expected to number {_rows}; '{path}' got {loaded.GetRowCount()} of its {end - start} (the data changed while it was read).");
            }

            _inputs.Add(path);
        }

        return _inputs;
    }

    /// <summary>The first row of shard <paramref name="index"/>: ⌊i·N/n⌋, as <see cref="ShardJob.Range"/>.</summary>
    private long Boundary(int index) => (long)((System.Numerics.BigInteger)index * _rows / _shardCount);

    private void SaveTeacher(ITransformer model, int round, string path)
    {
        try
        {
            _mlContext.Model.Save(model, _scoringView.Schema, path);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or FormatException)
        {
            throw new ArgumentException(
                $"Sharded scoring ({nameof(SelfTrainingOptions)}.{nameof(SelfTrainingOptions.Sharding)}) needs a teacher ML.NET can save (mlContext.Model.Save), which its workers load from a file; round {round}'s teacher, {model.GetType().Name}, cannot be saved: {e.Message} Use a saveable teacher (for a TorchSharp student, its ML.NET export), or set {nameof(SelfTrainingOptions.Sharding)} to null to score in this process.",
                nameof(SelfTrainingOptions.Sharding), e);
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A reader may still hold a file open on Windows; the private folder is removed by a later run, a working folder by the user.
        }
    }
}
