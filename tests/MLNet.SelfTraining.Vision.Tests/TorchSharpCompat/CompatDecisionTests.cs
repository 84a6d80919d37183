using MLNet.SelfTraining.TorchSharpCompat;

namespace MLNet.SelfTraining.Vision.Tests.TorchSharpCompat;

[TestClass]
public sealed class CompatDecisionTests
{
    private static readonly ElfImage Debian12LibStdCxx = Image("debian12/libstdc++.so.6", SyntheticElf.LibStdCxx(newest: 30));
    private static readonly ElfImage Gcc13LibStdCxx = Image("gcc13/libstdc++.so.6", SyntheticElf.LibStdCxx(newest: 32));

    [TestMethod]
    public void HostThatHasTheVersion_NeedsNothing()
    {
        CompatDecision decision = CompatDecision.Decide(Image("lib.so", SyntheticElf.TorchSharpLike()), Gcc13LibStdCxx);

        Assert.AreEqual(CompatAction.NotNeeded, decision.Action);
        StringAssert.Contains(decision.Reason, "gcc13/libstdc++.so.6");
    }

    [TestMethod]
    public void LibraryThatDoesNotRequireTheVersion_NeedsNothing()
    {
        var library = new SyntheticElf()
            .Needs("libstdc++.so.6", "GLIBCXX_3.4.30")
            .Uses("_ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE", "GLIBCXX_3.4.30");

        Assert.AreEqual(CompatAction.NotNeeded, CompatDecision.Decide(Image("lib.so", library), Debian12LibStdCxx).Action);
    }

    [TestMethod]
    public void LibraryWithoutLibStdCxxVersions_NeedsNothing_EvenWithoutAHostLibStdCxx()
    {
        var library = new SyntheticElf().Needs("libc.so.6", "GLIBC_2.34");

        Assert.AreEqual(CompatAction.NotNeeded, CompatDecision.Decide(Image("lib.so", library), hostLibStdCxx: null).Action);
    }

    [TestMethod]
    public void LibraryThatRequiresTheVersion_OnAHostThatLacksIt_IsPatched()
    {
        CompatDecision decision = CompatDecision.Decide(Image("lib.so", SyntheticElf.TorchSharpLike()), Debian12LibStdCxx);

        Assert.AreEqual(CompatAction.Patch, decision.Action);
        Assert.AreEqual("GLIBCXX_3.4.32", decision.VersionsToWeaken.Single().Name);
        Assert.IsTrue(decision.AddShimDependency);
        Assert.IsFalse(decision.AddOriginSearchPath, "the runpath already has $ORIGIN/");
        StringAssert.Contains(decision.Reason, "_ZSt21ios_base_library_initv");
    }

    [TestMethod]
    public void LibraryWithoutOriginRunPath_GetsOneAdded()
    {
        var library = new SyntheticElf()
            .Needs("libstdc++.so.6", "GLIBCXX_3.4.32")
            .Uses("_ZSt21ios_base_library_initv", "GLIBCXX_3.4.32");

        Assert.IsTrue(CompatDecision.Decide(Image("lib.so", library), Debian12LibStdCxx).AddOriginSearchPath);
    }

    [TestMethod]
    public void WeakenedButNotYetLinkedToTheShim_StillNeedsTheShim()
    {
        ElfImage original = Image("lib.so", SyntheticElf.TorchSharpLike());
        byte[] weakened = LibraryPatcher.WeakenVersionNeeds(original, CompatDecision.Decide(original, Debian12LibStdCxx).VersionsToWeaken);

        CompatDecision decision = CompatDecision.Decide(Image("lib.so", weakened), Debian12LibStdCxx);

        Assert.AreEqual(CompatAction.Patch, decision.Action);
        Assert.IsEmpty(decision.VersionsToWeaken);
        Assert.IsTrue(decision.AddShimDependency);
    }

    [TestMethod]
    public void PatchedLibrary_IsRecognisedAsAlreadyPatched()
    {
        var patched = new SyntheticElf()
            .Needs("libstdc++.so.6", "GLIBCXX_3.4.30")
            .Needs("libstdc++.so.6", "GLIBCXX_3.4.32", weak: true)
            .Uses("_ZSt21ios_base_library_initv", "GLIBCXX_3.4.32")
            .DependsOn(LibStdCxxShim.FileName)
            .DependsOn("libstdc++.so.6")
            .WithRunPath("$ORIGIN");

        Assert.AreEqual(CompatAction.AlreadyPatched, CompatDecision.Decide(Image("lib.so", patched), Debian12LibStdCxx).Action);
    }

    [TestMethod]
    public void HostMissingAnOlderVersionToo_IsUnsupported()
    {
        CompatDecision decision = CompatDecision.Decide(Image("lib.so", SyntheticElf.TorchSharpLike()), Image("old/libstdc++.so.6", SyntheticElf.LibStdCxx(newest: 28)));

        Assert.AreEqual(CompatAction.Unsupported, decision.Action);
        StringAssert.Contains(decision.Reason, "GLIBCXX_3.4.30");
    }

    [TestMethod]
    public void LibraryUsingOtherSymbolsOfTheBridgedVersion_IsUnsupported()
    {
        var library = SyntheticElf.TorchSharpLike().Uses("_ZNSt8__format5__sinkIcE8_M_resetESt4spanIcEm", "GLIBCXX_3.4.32");

        CompatDecision decision = CompatDecision.Decide(Image("lib.so", library), Debian12LibStdCxx);

        Assert.AreEqual(CompatAction.Unsupported, decision.Action);
        StringAssert.Contains(decision.Reason, "_ZNSt8__format5__sinkIcE8_M_resetESt4spanIcEm");
    }

    [TestMethod]
    public void NoHostLibStdCxx_IsUnsupported()
    {
        Assert.AreEqual(CompatAction.Unsupported, CompatDecision.Decide(Image("lib.so", SyntheticElf.TorchSharpLike()), hostLibStdCxx: null).Action);
    }

    private static ElfImage Image(string path, SyntheticElf elf) => Image(path, elf.Build());

    private static ElfImage Image(string path, byte[] bytes) => ElfImage.Parse(path, bytes);
}
