using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>
/// The coordinator with worker processes of the built mlnet-selftraining tool (<see cref="LocalProcessShardRunner"/>):
/// every row scored once, faults retried, nothing half-written read, and the tool's own commands.
/// </summary>
[TestClass]
public sealed class ShardProcessTests
{
    private static readonly MLContext Ml = new(seed: 1);

    /// <summary>A job of 90 blob rows in three shards, none written yet.</summary>
    private static ShardFolder Planned(out ITransformer teacher, out IDataView unlabeled)
    {
        teacher = Blobs.Pipeline(Ml, weightColumn: null).Fit(Ml.Data.LoadFromEnumerable(Blobs.Make(20, seed: 1)));
        unlabeled = Ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 2, hideLabels: true));
        return ShardFolder.Create(Ml, unlabeled, teacher, [DefaultColumnNames.Score], 3, 40);
    }

    [TestMethod]
    public async Task WorkerProcesses_ScoreEveryShard_AndTheSetReadsAsTheTeachersOutput()
    {
        using var folder = Planned(out var teacher, out var unlabeled);

        var set = await ShardCoordinator.RunAsync(folder.JobPath, ShardTool.Runner(2), maximumAttempts: 1, CancellationToken.None);

        CollectionAssert.AreEqual(new long[] { 30, 30, 30 }, set.Shards.Select(s => s.RowsWritten).ToArray());
        ShardColumns.AssertSame(teacher.Transform(unlabeled), set.AsDataView(Ml), DefaultColumnNames.Score);
    }

    [TestMethod]
    public async Task AWorkerKilledMidShard_IsRetried_AndNoHalfWrittenShardIsRead()
    {
        var data = new MnistFixture(Ml, 100);
        var teacher = Ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy().Fit(data.Labeled);
        var unlabeled = data.UnlabeledWithTrueLabels;
        using var folder = ShardFolder.Create(Ml, unlabeled, teacher, [DefaultColumnNames.Score], 3, 4000);
        var runner = new KillingRunner(ShardTool.Runner(2), victim: 1);

        var set = await ShardCoordinator.RunAsync(folder.JobPath, runner, maximumAttempts: 2, CancellationToken.None);

        Assert.IsNotNull(runner.Killed, "the worker finished before its temporary file was seen: nothing was killed");
        Assert.IsFalse(runner.Killed.Value.ManifestExisted);
        Assert.IsTrue(File.Exists(runner.Killed.Value.File), "a killed worker leaves its temporary file; a worker that was not killed renames it");
        Assert.AreEqual(2, runner.Attempts[1]);
        Assert.AreEqual(1, runner.Attempts[0]);
        var rows = set.AsDataView(Ml).GetColumn<long>(ShardJob.RowIndexColumnName).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(0, (int)unlabeled.GetRowCount()!.Value).Select(i => (long)i).ToList(), rows);
        ShardColumns.AssertSame(teacher.Transform(unlabeled), set.AsDataView(Ml), DefaultColumnNames.Score);
    }

    [TestMethod]
    public async Task AShardWrittenTwiceAtOnce_AndAgainLater_IsOneValidShard()
    {
        using var folder = Planned(out var teacher, out var unlabeled);
        var runner = ShardTool.Runner(2);
        var request = new ShardRequest(folder.JobPath, 0, 3);

        await Task.WhenAll(runner.RunAsync(request, CancellationToken.None), runner.RunAsync(request, CancellationToken.None));
        var written = File.GetLastWriteTimeUtc(folder.DataFile(0));
        var again = ShardTool.Run("pseudo-label", "--job", folder.JobPath, "--shard", "0/3");
        var set = await ShardCoordinator.RunAsync(folder.JobPath, runner, maximumAttempts: 1, CancellationToken.None);

        Assert.AreEqual(0, again.ExitCode, again.Error);
        Assert.Contains("shard 0/3: reused", again.Output);
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(folder.DataFile(0)));
        ShardColumns.AssertSame(teacher.Transform(unlabeled), set.AsDataView(Ml), DefaultColumnNames.Score);
    }

    [TestMethod]
    public async Task AShardThatFailsEveryAttempt_IsNamed_WithTheWorkersExitCodeAndError()
    {
        using var folder = Planned(out _, out _);
        var other = Blobs.Pipeline(Ml, weightColumn: null).Fit(Ml.Data.LoadFromEnumerable(Blobs.Make(20, seed: 9)));
        folder.SaveTeacher(Ml, other, Ml.Data.LoadFromEnumerable(Blobs.Make(1, seed: 1)).Schema);

        var error = await Assert.ThrowsExactlyAsync<InvalidOperationException>(
            () => ShardCoordinator.RunAsync(folder.JobPath, ShardTool.Runner(1), maximumAttempts: 2, CancellationToken.None));

        Assert.Contains("Shard 0 of 3 (rows [0, 30))", error.Message);
        Assert.Contains("failed 2 attempt(s)", error.Message);
        Assert.Contains("exited with code 1", error.Message);
        Assert.Contains("it is not the job's teacher", error.Message);
        Assert.IsFalse(File.Exists(folder.ManifestFile(0)));
    }

    [TestMethod]
    public async Task CancellingTheCoordinator_KillsItsWorkers_BeforeTheyCommit()
    {
        var data = new MnistFixture(Ml, 100);
        var teacher = Ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy().Fit(data.Labeled);
        using var folder = ShardFolder.Create(Ml, data.UnlabeledWithTrueLabels, teacher, [DefaultColumnNames.Score], 1);
        using var cancel = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (Directory.GetFiles(folder.Path, ".shard-00000-of-00001.idv.*.tmp").Length == 0)
            {
                await Task.Delay(2);
            }

            await cancel.CancelAsync();
        });

        await Assert.ThrowsAsync<OperationCanceledException>(() => ShardCoordinator.RunAsync(folder.JobPath, ShardTool.Runner(1), 3, cancel.Token));
        await watch;
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.IsFalse(File.Exists(folder.ManifestFile(0)), "a worker that was not killed would have finished its shard");
        Assert.IsFalse(File.Exists(folder.DataFile(0)));
    }

    [TestMethod]
    public void TheToolsPlanAndCheck_DescribeTheJob_AndCheckFailsUntilEveryShardIsWritten()
    {
        using var folder = Planned(out _, out _);
        var output = Path.Combine(folder.Path, "planned");

        var plan = ShardTool.Run("plan", "--teacher", folder.TeacherPath, "--input", Path.Combine(folder.Path, "input-0.idv"), "--input", Path.Combine(folder.Path, "input-1.idv"),
            "--column", "Score", "--shards", "2", "--out", output, "--task", "classification", "--threshold", "0.75");
        var jobPath = Path.Combine(output, "job.json");
        var before = ShardTool.Run("check", "--job", jobPath);
        var shard = ShardTool.Run("pseudo-label", "--job", jobPath, "--shard", "1/2");
        var between = ShardTool.Run("check", "--job", jobPath);
        ShardTool.Run("pseudo-label", "--job", jobPath, "--shard", "0/2");
        var after = ShardTool.Run("check", "--job", jobPath);

        Assert.AreEqual(0, plan.ExitCode, plan.Error);
        var job = ShardJob.Read(jobPath);
        Assert.AreEqual(90, job.TotalRows);
        Assert.AreEqual(0.75, job.Threshold);
        Assert.AreEqual(Path.GetFullPath(folder.TeacherPath), job.Teacher.Path, "a path outside the job folder is stored absolute");
        Assert.AreEqual(1, before.ExitCode);
        Assert.Contains("shard 0/2, rows [0, 45): missing", before.Output);
        Assert.AreEqual(0, shard.ExitCode, shard.Error);
        Assert.Contains("45 rows written", shard.Output);
        Assert.AreEqual(1, between.ExitCode);
        Assert.Contains("shard 1/2, rows [45, 90): present, 45 rows written", between.Output);
        Assert.AreEqual(0, after.ExitCode, after.Output + after.Error);
        Assert.Contains("complete", after.Output);
    }

    [TestMethod]
    public void AShardOutsideTheJob_IsAUsageError()
    {
        using var folder = Planned(out _, out _);

        var malformed = ShardTool.Run("pseudo-label", "--job", folder.JobPath, "--shard", "3/3");
        var otherCount = ShardTool.Run("pseudo-label", "--job", folder.JobPath, "--shard", "0/4");

        Assert.AreNotEqual(0, malformed.ExitCode);
        Assert.Contains("--shard was expected to be i/n with 0 <= i < n (e.g. 0/4); got '3/3'", malformed.Error);
        Assert.AreEqual(1, otherCount.ExitCode);
        Assert.Contains("Shard 0/4 was expected to be one of the job's shards", otherCount.Error);
    }
}
