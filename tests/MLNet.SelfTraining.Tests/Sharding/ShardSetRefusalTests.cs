using Microsoft.ML;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary><see cref="ShardSet.Open"/> refuses what it must not read, naming the shard file.</summary>
[TestClass]
public sealed class ShardSetRefusalTests
{
    private static readonly MLContext Ml = new(seed: 1);

    /// <summary>A job of 90 blob rows (two input files), three shards ([0, 30), [30, 60), [60, 90)), all written.</summary>
    internal static ShardFolder Written(int seed = 1)
    {
        var teacher = Blobs.Pipeline(Ml, weightColumn: null).Fit(Ml.Data.LoadFromEnumerable(Blobs.Make(20, seed)));
        var folder = ShardFolder.Create(Ml, Ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 2, hideLabels: true)), teacher, [DefaultColumnNames.Score], 3, 40);
        folder.RunAll();
        return folder;
    }

    [TestMethod]
    public void AShardOfAnotherTeacher_IsRefused_NamingIt()
    {
        using var folder = Written();
        var other = Blobs.Pipeline(Ml, weightColumn: null).Fit(Ml.Data.LoadFromEnumerable(Blobs.Make(20, seed: 5)));
        folder.SaveTeacher(Ml, other, Ml.Data.LoadFromEnumerable(Blobs.Make(1, seed: 1)).Schema);
        folder.WriteJob([DefaultColumnNames.Score], 3);
        folder.Run(0);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));

        Assert.Contains("shard-00001-of-00003.json", error.Message);
        Assert.Contains("shard-00002-of-00003.json", error.Message);
        Assert.DoesNotContain("shard-00000-of-00003.json", error.Message);
        Assert.Contains("another job or teacher", error.Message);
    }

    [TestMethod]
    public void MissingShards_AreNamedWithTheirRanges()
    {
        using var folder = Written();
        File.Delete(folder.ManifestFile(1));
        File.Delete(folder.ManifestFile(2));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));

        Assert.Contains("2 are missing: shard-00001-of-00003.json (rows [30, 60)), shard-00002-of-00003.json (rows [60, 90))", error.Message);
    }

    [TestMethod]
    public void ShardsOfAnotherSplit_InTheFolder_AreRefusedAsOverlapping()
    {
        using var folder = Written();
        File.Copy(folder.ManifestFile(0), Path.Combine(folder.Path, "shard-00000-of-00006.json"));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));

        Assert.Contains("shard-00000-of-00006.json", error.Message);
        Assert.Contains("overlap", error.Message);
    }

    [TestMethod]
    public void AManifestCopiedOverAnotherShard_IsRefusedAsADuplicateRange()
    {
        using var folder = Written();
        File.Copy(folder.ManifestFile(0), folder.ManifestFile(1), overwrite: true);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));

        Assert.Contains("shard-00001-of-00003.json", error.Message);
        Assert.Contains("got shard 0 of 3, rows [0, 30): a duplicate or overlapping range", error.Message);
    }

    [TestMethod]
    public void AShardFileOfAnotherSize_IsRefused_NamingIt()
    {
        using var folder = Written();
        using (var stream = new FileStream(folder.DataFile(2), FileMode.Append))
        {
            stream.WriteByte(0);
        }

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));

        Assert.Contains("shard-00002-of-00003.idv", error.Message);
        Assert.Contains("(corrupt or half-written)", error.Message);
    }

    [TestMethod]
    public void AShardFileWithAFlippedByte_IsRefusedByItsSha256()
    {
        using var folder = Written();
        var bytes = File.ReadAllBytes(folder.DataFile(1));
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(folder.DataFile(1), bytes);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));

        Assert.Contains("shard-00001-of-00003.idv", error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [TestMethod]
    public void AMalformedManifest_IsRefused_NamingIt()
    {
        using var folder = Written();
        File.WriteAllText(folder.ManifestFile(0), "{\"jobId\": ");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));

        Assert.Contains("shard-00000-of-00003.json", error.Message);
        Assert.Contains("malformed", error.Message);
    }

    [TestMethod]
    public void AManifestWithAnUnknownField_IsRefused()
    {
        using var folder = Written();
        var text = File.ReadAllText(folder.ManifestFile(0));
        File.WriteAllText(folder.ManifestFile(0), text.Insert(1, "\"extra\": 1, "));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));

        Assert.Contains("shard-00000-of-00003.json", error.Message);
        Assert.Contains("extra", error.Message);
    }

    [TestMethod]
    public void AnOversizedManifest_IsRefusedBeforeItIsRead()
    {
        using var folder = Written();
        var text = File.ReadAllText(folder.ManifestFile(2));
        File.WriteAllText(folder.ManifestFile(2), new string(' ', 70_000) + text);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));

        Assert.Contains("shard-00002-of-00003.json", error.Message);
        Assert.Contains("at most 65536 bytes; got 70", error.Message);
    }

    [TestMethod]
    public void AShardWithoutTheJobsColumn_IsRefused_NamingTheColumn()
    {
        using var folder = Written();
        var shard = Ml.Data.LoadFromBinary(folder.DataFile(1));
        var withoutScore = Ml.Transforms.SelectColumns(ShardJob.RowIndexColumnName).Fit(shard).Transform(shard);
        var replacement = Path.Combine(folder.Path, "replacement.idv");
        using (var stream = File.Create(replacement))
        {
            Ml.Data.SaveAsBinary(withoutScore, stream);
        }

        File.Move(replacement, folder.DataFile(1), overwrite: true);
        var manifest = ShardManifest.Read(folder.ManifestFile(1));
        (manifest with { Bytes = new FileInfo(folder.DataFile(1)).Length, Sha256 = ShardFiles.Sha256(folder.DataFile(1)) }).Write(folder.ManifestFile(1));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardSet.Open(folder.JobPath));

        Assert.Contains("shard-00001-of-00003.idv", error.Message);
        Assert.Contains("the job's column 'Score'", error.Message);
    }
}
