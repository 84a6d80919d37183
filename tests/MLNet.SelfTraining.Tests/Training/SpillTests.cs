using System.Diagnostics;
using Microsoft.ML;
using MLNet.SelfTraining.Training;

namespace MLNet.SelfTraining.Tests.Training;

[TestClass]
public sealed class SpillTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [TestMethod]
    public void Write_KeepsItsFileInARunFolderOnlyTheOwnerCanRead_DeletedOnDispose()
    {
        var ml = new MLContext(seed: 1) { TempFilePath = Directory.CreateTempSubdirectory().FullName };
        using (var spill = new Spill(ml))
        {
            spill.Write(ml.Data.LoadFromEnumerable(new[] { new Row { Value = 1 } }));

            var folder = Directory.GetDirectories(ml.TempFilePath).Single();
            var file = Directory.GetFiles(folder).Single();
            Assert.IsEmpty(Directory.GetFiles(ml.TempFilePath));
            if (!OperatingSystem.IsWindows())
            {
                Assert.AreEqual(OwnerOnlyFolder, File.GetUnixFileMode(folder));
                Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }

        Assert.IsEmpty(Directory.GetFileSystemEntries(ml.TempFilePath));
    }

    [TestMethod]
    public void NewSpill_RemovesRunFoldersOfProcessesThatNoLongerExist_AndKeepsLiveOnes()
    {
        var ml = new MLContext(seed: 1) { TempFilePath = Directory.CreateTempSubdirectory().FullName };
        using var current = Process.GetCurrentProcess();
        var started = new DateTimeOffset(current.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
        var dead = RunFolder(ml, $"mlnet-selftraining-999999999-{started}-{Guid.NewGuid():N}");
        var reusedPid = RunFolder(ml, $"mlnet-selftraining-{Environment.ProcessId}-{started - 3_600_000}-{Guid.NewGuid():N}");
        var live = RunFolder(ml, $"mlnet-selftraining-{Environment.ProcessId}-{started}-{Guid.NewGuid():N}");
        var other = RunFolder(ml, "someone-elses-folder");

        using (new Spill(ml))
        {
        }

        Assert.IsFalse(Directory.Exists(dead));
        Assert.IsFalse(Directory.Exists(reusedPid));
        Assert.IsTrue(Directory.Exists(live));
        Assert.IsTrue(Directory.Exists(other));
    }

    private static string RunFolder(MLContext ml, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(ml.TempFilePath, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "left-over.idv"), "");
        return folder;
    }

    private sealed class Row
    {
        public float Value { get; set; }
    }
}
