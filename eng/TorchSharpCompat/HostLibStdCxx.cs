namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>Finds the <c>libstdc++.so.6</c> the dynamic loader would pick on this host.</summary>
internal static class HostLibStdCxx
{
    /// <summary>The soname TorchSharp's native library depends on.</summary>
    public const string SoName = "libstdc++.so.6";

    private static readonly string[] LdconfigPaths = ["/sbin/ldconfig", "/usr/sbin/ldconfig", "/usr/bin/ldconfig"];

    private static readonly string[] DefaultDirectories =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/lib64", "/usr/lib64", "/lib", "/usr/lib",
    ];

    /// <summary>
    /// Returns the first <c>libstdc++.so.6</c> built for <paramref name="machine"/> (an ELF <c>e_machine</c>), searching like
    /// the loader: <c>LD_LIBRARY_PATH</c>, then the <c>ldconfig</c> cache, then the default directories; <see langword="null"/> if none.
    /// </summary>
    public static ElfImage? Find(ushort machine)
    {
        IEnumerable<string> fromEnvironment = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? string.Empty)
            .Split(':')
            .Where(directory => directory.Length > 0)
            .Select(directory => Path.Combine(directory, SoName));
        IEnumerable<string> fromDefaults = DefaultDirectories.Select(directory => Path.Combine(directory, SoName));
        return fromEnvironment.Concat(ParseLdconfigListing(ReadLdconfigListing())).Concat(fromDefaults)
            .Distinct(StringComparer.Ordinal)
            .Where(File.Exists)
            .Select(TryLoad)
            .FirstOrDefault(image => image is not null && image.Machine == machine);
    }

    /// <summary>
    /// Extracts the <c>libstdc++.so.6</c> paths, in cache order, from <c>ldconfig -p</c> output lines such as
    /// <c>libstdc++.so.6 (libc6,x86-64) =&gt; /lib/x86_64-linux-gnu/libstdc++.so.6</c>.
    /// </summary>
    public static IReadOnlyList<string> ParseLdconfigListing(string listing) =>
        listing.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(SoName + " ", StringComparison.Ordinal) && line.Contains("=> "))
            .Select(line => line.Substring(line.LastIndexOf("=> ", StringComparison.Ordinal) + 3).Trim())
            .Where(path => path.StartsWith("/", StringComparison.Ordinal))
            .ToList();

    private static string ReadLdconfigListing()
    {
        string? ldconfig = LdconfigPaths.FirstOrDefault(File.Exists);
        try
        {
            return ldconfig is null ? string.Empty : ExternalTool.Run(ldconfig, "-p");
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // No usable cache listing: the default directories below still apply.
            return string.Empty;
        }
    }

    private static ElfImage? TryLoad(string path)
    {
        try
        {
            return ElfImage.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // Not a loadable candidate (the loader would skip it as well).
            return null;
        }
    }
}
