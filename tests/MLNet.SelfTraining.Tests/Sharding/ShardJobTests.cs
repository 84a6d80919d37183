using System.Text.Json.Nodes;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>The job file: ranges, relative paths, and the checks of an untrusted file.</summary>
[TestClass]
public sealed class ShardJobTests
{
    [TestMethod]
    public void ShardRanges_SplitTheRowsAsFloorOfINOverN_AndPathsInsideTheFolderAreRelative()
    {
        using var folder = ShardSetRefusalTests.Written();
        var job = folder.Job;

        CollectionAssert.AreEqual(new[] { (0L, 30L), (30L, 60L), (60L, 90L) }, Enumerable.Range(0, 3).Select(job.Range).ToArray());
        Assert.AreEqual("teacher.zip", job.Teacher.Path);
        CollectionAssert.AreEqual(new[] { "input-0.idv", "input-1.idv" }, job.Inputs.Select(i => i.Path).ToArray());
        CollectionAssert.AreEqual(new[] { 40L, 50L }, job.Inputs.Select(i => i.Rows).ToArray());
    }

    [TestMethod]
    public void AnEditedJob_IsRefusedByItsJobId()
    {
        using var folder = ShardSetRefusalTests.Written();
        var json = JsonNode.Parse(File.ReadAllText(folder.JobPath))!;
        json["shardCount"] = 4;
        File.WriteAllText(folder.JobPath, json.ToJsonString());

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardJob.Read(folder.JobPath));

        Assert.Contains("job.json", error.Message);
        Assert.Contains("field 'jobId'", error.Message);
    }

    [TestMethod]
    public void AnInvalidField_IsNamed()
    {
        using var folder = ShardSetRefusalTests.Written();
        var json = JsonNode.Parse(File.ReadAllText(folder.JobPath))!;
        json["teacher"]!["sha256"] = "not-a-hash";
        File.WriteAllText(folder.JobPath, json.ToJsonString());

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardJob.Read(folder.JobPath));

        Assert.Contains("field 'teacher.sha256' was expected to be 64 lowercase hexadecimal digits; got 'not-a-hash'", error.Message);
    }

    [TestMethod]
    public void AnOversizedJobFile_IsRefusedBeforeItIsRead()
    {
        using var folder = ShardSetRefusalTests.Written();
        File.WriteAllText(folder.JobPath, new string(' ', (1 << 20) + 1));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ShardJob.Read(folder.JobPath));

        Assert.Contains("at most 1048576 bytes", error.Message);
    }

    [TestMethod]
    public void AShardCountOutOfRange_IsRefusedAtCreation()
    {
        using var folder = ShardSetRefusalTests.Written();

        var error = Assert.ThrowsExactly<ArgumentException>(() => folder.WriteJob([DefaultColumnNames.Score], 0));

        Assert.Contains("field 'shardCount' was expected to be 1 to 99999; got '0'", error.Message);
    }
}
