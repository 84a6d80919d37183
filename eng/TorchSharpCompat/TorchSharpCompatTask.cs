namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>
/// MSBuild task (compiled by RoslynCodeTaskFactory, see TorchSharpCompat.targets): for each TorchSharp native library,
/// decides whether this host's libstdc++ needs the compat patch and, if so, builds the shim and writes a patched copy
/// to the library's <c>PatchedPath</c> metadata. Copies that are no longer needed are deleted; the paths of the patched
/// copies are written to <see cref="StateFile"/>, which the targets read to swap them into the output.
/// </summary>
public sealed class TorchSharpCompatTask : Microsoft.Build.Utilities.Task
{
    /// <summary>Gets or sets the original native libraries (never modified), each with a <c>PatchedPath</c> metadata.</summary>
    [Microsoft.Build.Framework.Required]
    public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; } = [];

    /// <summary>Gets or sets the shim's C++ source.</summary>
    [Microsoft.Build.Framework.Required]
    public string ShimSource { get; set; } = string.Empty;

    /// <summary>Gets or sets where the compiled shim goes.</summary>
    [Microsoft.Build.Framework.Required]
    public string ShimPath { get; set; } = string.Empty;

    /// <summary>Gets or sets the file that receives the patched copies' paths, one a line.</summary>
    [Microsoft.Build.Framework.Required]
    public string StateFile { get; set; } = string.Empty;

    /// <summary>Gets or sets the C++ compiler (a name on PATH or a path).</summary>
    [Microsoft.Build.Framework.Required]
    public string Compiler { get; set; } = string.Empty;

    /// <summary>Gets or sets patchelf (a name on PATH or a path).</summary>
    [Microsoft.Build.Framework.Required]
    public string PatchElf { get; set; } = string.Empty;

    /// <inheritdoc/>
    public override bool Execute()
    {
        try
        {
            var patched = new List<string>();
            foreach (Microsoft.Build.Framework.ITaskItem library in Libraries)
            {
                if (PatchIfNeeded(library))
                {
                    patched.Add(library.GetMetadata("PatchedPath"));
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
            string temporary = AtomicFile.TemporaryPathFor(StateFile);
            File.WriteAllLines(temporary, patched);
            AtomicFile.Replace(temporary, StateFile);
            return true;
        }
        catch (FileNotFoundException e) when (e.FileName == Compiler || e.FileName == PatchElf)
        {
            Log.LogError(
                $"TorchSharp compat: {e.Message} This host's libstdc++ is too old for TorchSharp's native library, which the build "
                + "patches with the help of g++ and patchelf. Install them (Debian/Ubuntu: sudo apt-get install g++ patchelf), or set "
                + "MLNetSelfTrainingTorchCompatCxx / MLNetSelfTrainingTorchCompatPatchElf to their paths. To skip the step, build with "
                + "-p:MLNetSelfTrainingTorchCompat=false (TorchSharp will then fail to load on this host).");
            return false;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            Log.LogError($"TorchSharp compat: {e.Message}");
            return false;
        }
    }

    /// <summary>Brings the library's patched copy up to date, or deletes it when not needed; returns whether it is in use.</summary>
    private bool PatchIfNeeded(Microsoft.Build.Framework.ITaskItem library)
    {
        var original = ElfImage.Load(library.GetMetadata("FullPath"));
        string destination = library.GetMetadata("PatchedPath");
        ElfImage? host = HostLibStdCxx.Find(original.Machine);
        CompatDecision decision = CompatDecision.Decide(original, host);
        if (decision.Action != CompatAction.Patch)
        {
            if (File.Exists(destination))
            {
                File.Delete(destination);
            }

            if (decision.Action == CompatAction.Unsupported)
            {
                Log.LogWarning($"TorchSharp compat: {decision.Reason}.");
            }
            else
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"TorchSharp compat: nothing to do, {decision.Reason}.");
            }

            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        Directory.CreateDirectory(Path.GetDirectoryName(ShimPath)!);
        if (LibStdCxxShim.EnsureBuilt(ShimSource, ShimPath, Compiler))
        {
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"TorchSharp compat: built {ShimPath}.");
        }

        if (IsUpToDate(original, destination, host))
        {
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"TorchSharp compat: {destination} is up to date.");
        }
        else
        {
            LibraryPatcher.WritePatchedCopy(original, decision, destination, PatchElf);
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, $"TorchSharp compat: patched {destination}: {decision.Reason}.");
        }

        return true;
    }

    private static bool IsUpToDate(ElfImage original, string destination, ElfImage? host) =>
        File.Exists(destination)
        && File.GetLastWriteTimeUtc(destination) == File.GetLastWriteTimeUtc(original.Path)
        && CompatDecision.Decide(ElfImage.Load(destination), host).Action == CompatAction.AlreadyPatched;
}
