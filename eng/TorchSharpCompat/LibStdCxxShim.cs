namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>
/// The small shared library (built from <c>libstdcxx-compat-shim.cpp</c>) that defines, without a symbol version,
/// what an older host libstdc++ lacks from the one version the compat step bridges.
/// </summary>
internal static class LibStdCxxShim
{
    /// <summary>The shim's file name; the patched library lists it as <c>DT_NEEDED</c> and finds it next to itself.</summary>
    public const string FileName = "libMLNetTorchSharpCompatShim.so";

    /// <summary>The only libstdc++ version the shim stands in for (GCC 13's <c>GLIBCXX_3.4.32</c>).</summary>
    public const string BridgedVersion = "GLIBCXX_3.4.32";

    /// <summary>The symbols of <see cref="BridgedVersion"/> the shim defines: <c>std::ios_base_library_init()</c>.</summary>
    public static readonly IReadOnlyList<string> ProvidedSymbols = ["_ZSt21ios_base_library_initv"];

    /// <summary>
    /// Compiles <paramref name="source"/> into <paramref name="output"/> with <paramref name="compiler"/> (g++) unless
    /// <paramref name="output"/> is already newer than the source; the file appears atomically.
    /// </summary>
    /// <returns><see langword="true"/> when the shim was (re)built.</returns>
    public static bool EnsureBuilt(string source, string output, string compiler)
    {
        if (File.Exists(output) && File.GetLastWriteTimeUtc(output) >= File.GetLastWriteTimeUtc(source))
        {
            return false;
        }

        string executable = ExternalTool.Locate(compiler, "compile the libstdc++ shim " + FileName);
        string temporary = AtomicFile.TemporaryPathFor(output);
        try
        {
            ExternalTool.Run(executable, "-shared", "-fPIC", "-O2", "-o", temporary, source);
            AtomicFile.Replace(temporary, output);
        }
        finally
        {
            File.Delete(temporary);
        }

        return true;
    }
}
