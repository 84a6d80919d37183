using MLNet.SelfTraining.TorchSharpCompat;

namespace MLNet.SelfTraining.Vision.Tests.TorchSharpCompat;

[TestClass]
public sealed class ElfReadingTests
{
    [TestMethod]
    public void SyntheticLibrary_RoundTrips()
    {
        ElfImage image = ElfImage.Parse("lib.so", SyntheticElf.TorchSharpLike().Build());

        var needs = ElfVersions.ReadNeeds(image);
        ElfVersionNeed bridged = needs.Single(n => n.Name == "GLIBCXX_3.4.32");

        Assert.AreEqual(SyntheticElf.X8664, image.Machine);
        CollectionAssert.AreEquivalent(new[] { "GLIBCXX_3.4.30", "GLIBCXX_3.4.32", "GLIBC_2.34" }, needs.Select(n => n.Name).ToList());
        Assert.AreEqual("libstdc++.so.6", bridged.File);
        Assert.IsFalse(bridged.IsWeak);
        CollectionAssert.AreEqual(new[] { "_ZSt21ios_base_library_initv" }, ElfVersions.ReadUndefinedSymbols(image, bridged.Index).ToList());
        CollectionAssert.AreEqual(new[] { "libtorch.so", "libstdc++.so.6" }, ElfDynamicSection.ReadNeeded(image).ToList());
        CollectionAssert.AreEqual(new[] { "$ORIGIN/", "/lib/intel64" }, ElfDynamicSection.ReadSearchPaths(image).ToList());
    }

    [TestMethod]
    public void SyntheticLibStdCxx_ListsItsDefinitions()
    {
        ISet<string> definitions = ElfVersions.ReadDefinitions(ElfImage.Parse("libstdc++.so.6", SyntheticElf.LibStdCxx(newest: 30).Build()));

        Assert.Contains("GLIBCXX_3.4", definitions);
        Assert.Contains("GLIBCXX_3.4.30", definitions);
        Assert.DoesNotContain("GLIBCXX_3.4.32", definitions);
    }

    [TestMethod]
    public void NonElfFile_FailsWithAnErrorNamingTheFile()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("not-an-elf.so");
        File.WriteAllText(path, "INPUT ( libfoo.so.1 )\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ElfImage.Load(path));

        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "not an ELF file");
    }

    [TestMethod]
    public void TruncatedFile_FailsWithAnErrorNamingTheFile()
    {
        byte[] complete = SyntheticElf.TorchSharpLike().Build();

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ElfImage.Parse("/some/dir/libLibTorchSharp.so", complete[..200]));

        StringAssert.Contains(error.Message, "/some/dir/libLibTorchSharp.so");
        StringAssert.Contains(error.Message, "truncated");
    }

    [TestMethod]
    public void TruncatedHeader_FailsWithAnErrorNamingTheFile()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ElfImage.Parse("short.so", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1]));

        StringAssert.Contains(error.Message, "short.so");
    }

    [TestMethod]
    public void ThirtyTwoBitFile_IsRejected()
    {
        byte[] bytes = SyntheticElf.TorchSharpLike().Build();
        bytes[4] = 1; // ELFCLASS32

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ElfImage.Parse("lib32.so", bytes));

        StringAssert.Contains(error.Message, "64-bit");
    }
}
