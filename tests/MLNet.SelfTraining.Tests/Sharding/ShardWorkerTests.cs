using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>The worker's idempotence, its refusals, and the rows it reads and skips.</summary>
[TestClass]
public sealed class ShardWorkerTests
{
    private static readonly MLContext Ml = new(seed: 1);

    [TestMethod]
    public void ASecondRun_ReusesEveryShard_WithoutRewritingIt()
    {
        using var folder = ShardSetRefusalTests.Written();
        var written = Enumerable.Range(0, 3).Select(i => File.GetLastWriteTimeUtc(folder.DataFile(i))).ToList();

        var again = folder.RunAll();

        Assert.IsTrue(again.All(r => r.Reused));
        CollectionAssert.AreEqual(written, Enumerable.Range(0, 3).Select(i => File.GetLastWriteTimeUtc(folder.DataFile(i))).ToList());
        Assert.AreEqual(90, again.Sum(r => r.RowsWritten));
    }

    [TestMethod]
    public void ADeletedShard_IsRunAlone()
    {
        using var folder = ShardSetRefusalTests.Written();
        File.Delete(folder.DataFile(1));
        File.Delete(folder.ManifestFile(1));

        var again = folder.RunAll();

        CollectionAssert.AreEqual(new[] { true, false, true }, again.Select(r => r.Reused).ToArray());
        Assert.AreEqual(3, ShardSet.Open(folder.JobPath).Shards.Count);
    }

    [TestMethod]
    public void AHalfWrittenShard_IsNeverRead_AndItsRerunIsAccepted()
    {
        using var folder = ShardSetRefusalTests.Written();
        var data = File.ReadAllBytes(folder.DataFile(2));
        File.Delete(folder.ManifestFile(2));
        File.WriteAllBytes(folder.DataFile(2), data[..(data.Length / 2)]);
        File.WriteAllBytes(Path.Combine(folder.Path, $".shard-00002-of-00003.idv.{Guid.NewGuid():N}.tmp"), data[..100]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));
        var rerun = folder.Run(2);
        var set = ShardSet.Open(folder.JobPath);

        Assert.Contains("1 are missing: shard-00002-of-00003.json", error.Message);
        Assert.IsFalse(rerun.Reused);
        Assert.AreEqual(90, set.AsDataView(Ml).GetColumn<long>(ShardJob.RowIndexColumnName).Count());
    }

    [TestMethod]
    public void ATeacherFileWithAnotherSha256_IsRefused_NamingIt()
    {
        using var folder = ShardSetRefusalTests.Written();
        File.Delete(folder.ManifestFile(0));
        var other = Blobs.Pipeline(Ml, weightColumn: null).Fit(Ml.Data.LoadFromEnumerable(Blobs.Make(20, seed: 7)));
        folder.SaveTeacher(Ml, other, Ml.Data.LoadFromEnumerable(Blobs.Make(1, seed: 1)).Schema);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => folder.Run(0));

        Assert.Contains("teacher.zip", error.Message);
        Assert.Contains("it is not the job's teacher", error.Message);
        Assert.IsFalse(File.Exists(folder.ManifestFile(0)));
    }

    [TestMethod]
    public void ARequestOfAnotherShardCount_IsRefused()
    {
        using var folder = ShardSetRefusalTests.Written();

        var error = Assert.ThrowsExactly<ArgumentException>(() => new ShardWorker().Run(new ShardRequest(folder.JobPath, 0, 4), CancellationToken.None));

        Assert.Contains("Shard 0/4", error.Message);
        Assert.Contains("0/3 to 2/3", error.Message);
    }

    [TestMethod]
    public void ATeacherWithoutTheJobsColumn_IsRefused_NamingIt()
    {
        using var folder = ShardSetRefusalTests.Written();
        File.Delete(folder.ManifestFile(0));
        folder.WriteJob(["Probability"], 3);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => folder.Run(0));

        Assert.Contains("the job's column 'Probability'", error.Message);
    }

    [TestMethod]
    public void SkippedRows_AreNotScored_AndCountedInTheManifest()
    {
        using var folder = ShardSetRefusalTests.Written();
        var skip = Path.Combine(folder.Path, "skip.bin");
        SkipBitmap.Write(skip, 90, row => row % 3 == 0 || row is >= 30 and < 60);
        folder.WriteJob([DefaultColumnNames.Score], 3, skip);

        var results = folder.RunAll();
        var set = ShardSet.Open(folder.JobPath);

        CollectionAssert.AreEqual(new long[] { 10, 30, 10 }, results.Select(r => r.RowsSkipped).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 90).Where(r => r % 3 != 0 && r is not (>= 30 and < 60)).Select(r => (long)r).ToList(),
            set.AsDataView(Ml).GetColumn<long>(ShardJob.RowIndexColumnName).ToList());
        Assert.AreEqual(0, set.Shards[1].RowsWritten);
    }

    [TestMethod]
    public void ASkipBitmapOfAnotherSize_IsRefused()
    {
        using var folder = ShardSetRefusalTests.Written();
        var skip = Path.Combine(folder.Path, "skip.bin");
        SkipBitmap.Write(skip, 200, _ => false);
        folder.WriteJob([DefaultColumnNames.Score], 3, skip);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => folder.Run(0));

        Assert.Contains("skip.bin", error.Message);
        Assert.Contains("job's 90", error.Message);
    }
}
