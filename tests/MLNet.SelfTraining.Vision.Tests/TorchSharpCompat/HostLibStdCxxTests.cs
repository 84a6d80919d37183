using System.Runtime.InteropServices;
using MLNet.SelfTraining.TorchSharpCompat;

namespace MLNet.SelfTraining.Vision.Tests.TorchSharpCompat;

[TestClass]
public sealed class HostLibStdCxxTests
{
    [TestMethod]
    public void LdconfigListing_YieldsTheLibStdCxxPathsInCacheOrder()
    {
        const string Listing = """
            1432 libs found in cache `/etc/ld.so.cache'
            	libstdc++.so.6 (libc6,x86-64) => /usr/local/lib64/libstdc++.so.6
            	libstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6
            	libstdc++.so.6 (libc6) => /lib/i386-linux-gnu/libstdc++.so.6
            	libstdc++fs.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++fs.so.6
            	libssl.so.3 (libc6,x86-64) => /lib/x86_64-linux-gnu/libssl.so.3
            """;

        CollectionAssert.AreEqual(
            new[] { "/usr/local/lib64/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/i386-linux-gnu/libstdc++.so.6" },
            HostLibStdCxx.ParseLdconfigListing(Listing).ToList());
    }

    [TestMethod]
    public void OnLinux_TheHostLibStdCxxIsFound_ForThisProcessArchitecture()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("libstdc++ lookup only applies to Linux hosts.");
        }

        ushort machine = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? (ushort)183 : SyntheticElf.X8664;

        ElfImage? host = HostLibStdCxx.Find(machine);

        Assert.IsNotNull(host);
        Assert.AreEqual(machine, host.Machine);
        Assert.Contains("GLIBCXX_3.4", ElfVersions.ReadDefinitions(host));
    }
}
