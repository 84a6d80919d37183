using MLNet.SelfTraining.TorchSharpCompat;

namespace MLNet.SelfTraining.Vision.Tests.TorchSharpCompat;

[TestClass]
public sealed class LibraryPatcherTests
{
    private static readonly ElfImage Debian12LibStdCxx = ElfImage.Parse("libstdc++.so.6", SyntheticElf.LibStdCxx(newest: 30).Build());

    [TestMethod]
    public void WeakeningTwice_ChangesNothingTheSecondTime()
    {
        ElfImage original = ElfImage.Parse("lib.so", SyntheticElf.TorchSharpLike().Build());
        var needs = CompatDecision.Decide(original, Debian12LibStdCxx).VersionsToWeaken;

        byte[] once = LibraryPatcher.WeakenVersionNeeds(original, needs);
        byte[] twice = LibraryPatcher.WeakenVersionNeeds(ElfImage.Parse("lib.so", once), needs);

        CollectionAssert.AreEqual(once, twice);
        Assert.IsTrue(ElfVersions.ReadNeeds(ElfImage.Parse("lib.so", once)).Single(n => n.Name == "GLIBCXX_3.4.32").IsWeak);
        Assert.AreEqual(1, original.Bytes.Zip(once, (a, b) => a != b).Count(different => different), "only vna_flags changes");
    }

    [TestMethod]
    public void PatchedCopy_IsAlreadyPatched_AndPatchingItAgainIsANoOp()
    {
        using var directory = new TemporaryDirectory();
        string originalPath = directory.File("original.so");
        string patchedPath = directory.File("patched.so");
        // Already lists the shim, so the patch is pure C# (no patchelf); the patchelf path is covered by BuildOutputTests.
        byte[] originalBytes = SyntheticElf.TorchSharpLike().DependsOn(LibStdCxxShim.FileName).Build();
        File.WriteAllBytes(originalPath, originalBytes);
        ElfImage original = ElfImage.Load(originalPath);

        LibraryPatcher.WritePatchedCopy(original, CompatDecision.Decide(original, Debian12LibStdCxx), patchedPath, patchElf: "/nonexistent/patchelf");
        byte[] firstPatch = File.ReadAllBytes(patchedPath);
        ElfImage patched = ElfImage.Load(patchedPath);
        CompatDecision again = CompatDecision.Decide(patched, Debian12LibStdCxx);
        LibraryPatcher.WritePatchedCopy(patched, again, patchedPath, patchElf: "/nonexistent/patchelf");

        Assert.AreEqual(CompatAction.AlreadyPatched, again.Action);
        CollectionAssert.AreEqual(firstPatch, File.ReadAllBytes(patchedPath));
        CollectionAssert.AreEqual(originalBytes, File.ReadAllBytes(originalPath), "the original is never modified");
        Assert.AreEqual(File.GetLastWriteTimeUtc(originalPath), File.GetLastWriteTimeUtc(patchedPath));
        Assert.AreEqual(2, Directory.GetFiles(directory.Path).Length, "no temporary files are left behind");
    }

    [TestMethod]
    public void MissingPatchElf_FailsWithAMessageNamingIt()
    {
        using var directory = new TemporaryDirectory();
        ElfImage original = ElfImage.Parse(directory.File("lib.so"), SyntheticElf.TorchSharpLike().Build());
        File.WriteAllBytes(original.Path, original.Bytes);

        var error = Assert.ThrowsExactly<FileNotFoundException>(
            () => LibraryPatcher.WritePatchedCopy(original, CompatDecision.Decide(original, Debian12LibStdCxx), directory.File("out.so"), "/nonexistent/patchelf"));

        StringAssert.Contains(error.Message, "/nonexistent/patchelf");
        Assert.IsFalse(File.Exists(directory.File("out.so")));
        Assert.AreEqual(1, Directory.GetFiles(directory.Path).Length, "no temporary files are left behind");
    }
}
