using System.Reflection;
using MLNet.SelfTraining.TorchSharpCompat;

namespace MLNet.SelfTraining.Vision.Tests.TorchSharpCompat;

/// <summary>Checks the real TorchSharp native library: as the build left it in the output, and patched from the NuGet package.</summary>
[TestClass]
public sealed class BuildOutputTests
{
    private const string LibraryName = "libLibTorchSharp.so";

    [TestMethod]
    public void OutputLibrary_NeedsNothingMoreOnThisHost()
    {
        RequireLinuxX64();
        string? library = new[] { Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", LibraryName), Path.Combine(AppContext.BaseDirectory, LibraryName) }
            .FirstOrDefault(File.Exists);
        Assert.IsNotNull(library, $"{LibraryName} is missing from {AppContext.BaseDirectory}");

        CompatDecision decision = CompatDecision.Decide(ElfImage.Load(library), HostLibStdCxx.Find(SyntheticElf.X8664));

        CollectionAssert.Contains(new[] { CompatAction.NotNeeded, CompatAction.AlreadyPatched }, decision.Action, decision.Reason);
        if (decision.Action == CompatAction.AlreadyPatched)
        {
            Assert.IsTrue(File.Exists(Path.Combine(Path.GetDirectoryName(library)!, LibStdCxxShim.FileName)), "the shim sits next to the patched library");
        }
    }

    [TestMethod]
    public void PackageLibrary_PatchedWithPatchElf_IsAlreadyPatched_AndRepatchingIsANoOp()
    {
        RequireLinuxX64();
        using var directory = new TemporaryDirectory();
        string copy = directory.File(LibraryName);
        File.Copy(PackageLibraryPath(), copy);
        ElfImage original = ElfImage.Load(copy);
        ElfImage? host = HostLibStdCxx.Find(original.Machine);
        CompatDecision decision = CompatDecision.Decide(original, host);
        if (decision.Action == CompatAction.NotNeeded)
        {
            // A host with GCC 13's libstdc++ or newer: the build does nothing, and neither does this test.
            return;
        }

        Assert.AreEqual(CompatAction.Patch, decision.Action, decision.Reason);
        string patchedPath = directory.File("patched.so");
        LibraryPatcher.WritePatchedCopy(original, decision, patchedPath, "patchelf");
        byte[] firstPatch = File.ReadAllBytes(patchedPath);
        ElfImage patched = ElfImage.Load(patchedPath);
        CompatDecision again = CompatDecision.Decide(patched, host);
        LibraryPatcher.WritePatchedCopy(patched, again, patchedPath, "patchelf");

        Assert.AreEqual(CompatAction.AlreadyPatched, again.Action, again.Reason);
        CollectionAssert.Contains(ElfDynamicSection.ReadNeeded(patched).ToList(), LibStdCxxShim.FileName);
        CollectionAssert.AreEqual(firstPatch, File.ReadAllBytes(patchedPath));
    }

    private static void RequireLinuxX64()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.Inconclusive("TorchSharp ships its Linux native library for x64 only.");
        }
    }

    private static string PackageLibraryPath()
    {
        string packageRoot = typeof(BuildOutputTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "NuGetPackageRoot").Value!;
        Version version = typeof(TorchSharp.torch).Assembly.GetName().Version!;
        return Path.Combine(packageRoot, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}", "runtimes", "linux-x64", "native", LibraryName);
    }
}
